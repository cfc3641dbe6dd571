using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Categories;

/// <summary>moveCategory through HTTP: the subtree's codes, levels and versions follow the move; the tree's rules are typed errors.</summary>
public sealed class CategoryMoveTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Errors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } }";

    private const string Move = $$"""
        mutation Move($input: MoveCategoryInput!) {
          moveCategory(input: $input) { category { id version code level parent { code } children { code level children { code level } } } {{Errors}} }
        }
        """;

    private const string Tree = """
        query Tree($prefix: String!) {
          categories(first: 50, where: { code: { startsWith: $prefix } }, order: [{ code: ASC }]) { nodes { id code level version parent { code } } }
        }
        """;

    [Fact]
    public async Task Editor_moves_a_subtree_below_another_parent_and_to_the_top_rewriting_every_code_level_and_version_in_three_statements()
    {
        // Arrange: MVA > MVA.MVS > MVA.MVS.ONE, MVA.MVS.TWO; MVB
        var editor = api.CreateAs(Editor);
        var a = await CreateAsync(editor, "MVA", null);
        var b = await CreateAsync(editor, "MVB", null);
        var sub = await CreateAsync(editor, "MVA.MVS", a);
        await CreateAsync(editor, "MVA.MVS.ONE", sub);
        await CreateAsync(editor, "MVA.MVS.TWO", sub);
        var before = await TreeAsync(editor, "MVA.MVS");
        api.Sql.Reset();

        // Act
        var (_, moved) = await editor.PostGraphQLAsync(Move, new { input = new { id = sub, newParentId = b, expectedVersion = Version(before, "MVA.MVS") } });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var below = await TreeAsync(editor, "MVB.");
        var (_, root) = await editor.PostGraphQLAsync(Move, new { input = new { id = sub, newParentId = (string?)null, expectedVersion = Version(below, "MVB.MVS") } });
        var top = await TreeAsync(editor, "MVS");

        // Assert: the payload, and the whole subtree read back through the graph
        var category = moved.Payload("moveCategory")["category"]!;
        Assert.Equal(("MVB.MVS", 2, "MVB"), ((string?)category["code"], (int)category["level"]!, (string?)category["parent"]!["code"]));
        Assert.Equal(["MVB.MVS.ONE:3", "MVB.MVS.TWO:3"], category["children"]!.AsArray().Select(c => $"{c!["code"]}:{c["level"]}").Order().ToList());
        Assert.Equal(3, statements);
        Assert.Equal(["MVB.MVS:2:MVB", "MVB.MVS.ONE:3:MVB.MVS", "MVB.MVS.TWO:3:MVB.MVS"], Shape(below));
        Assert.Empty(await TreeAsync(editor, "MVA."));
        Assert.All(below, row => Assert.NotEqual(Version(before, ((string)row["code"]!).Replace("MVB.", "MVA.", StringComparison.Ordinal)), (string?)row["version"]));
        Assert.Equal(["MVS:1:", "MVS.ONE:2:MVS", "MVS.TWO:2:MVS"], Shape(top));
        Assert.Null(root.Payload("moveCategory")["category"]!["parent"]);
        Assert.All(top, row => Assert.NotEqual(Version(below, "MVB." + (string)row["code"]!), (string?)row["version"]));
    }

    [Fact]
    public async Task Each_changed_row_is_audited_with_its_code_level_and_for_the_moved_row_its_parent()
    {
        // Arrange: AUD > AUD.AUS > AUD.AUS.LEAF, moved to the top
        var editor = api.CreateAs(Editor);
        var root = await CreateAsync(editor, "AUD", null);
        var sub = await CreateAsync(editor, "AUD.AUS", root);
        var leaf = await CreateAsync(editor, "AUD.AUS.LEAF", sub);
        var version = Version(await TreeAsync(editor, "AUD.AUS"), "AUD.AUS");

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Move, new { input = new { id = sub, newParentId = (string?)null, expectedVersion = version } });
        var (_, trail) = await api.CreateAs(Admin).PostGraphQLAsync(
            "{ auditEntries(first: 10, where: { operation: { eq: \"moveCategory\" }, entityType: { eq: \"Category\" } }) { nodes { entityId action changes } } }");

        // Assert
        Assert.Equal("AUS", (string?)body.Payload("moveCategory")["category"]!["code"]);
        var entries = trail["data"]!["auditEntries"]!["nodes"]!.AsArray().ToDictionary(e => (string)e!["entityId"]!, e => e!);
        Assert.Equal("UPDATED", (string?)entries[sub]["action"]);
        Assert.Equal(
            JsonNode.Parse($$$"""{"code":{"before":"AUD.AUS","after":"AUS"},"parentId":{"before":{{{Key(root)}}},"after":null},"level":{"before":2,"after":1}}"""),
            JsonNode.Parse((string)entries[sub]["changes"]!), JsonNode.DeepEquals);
        Assert.Equal(
            JsonNode.Parse("""{"code":{"before":"AUD.AUS.LEAF","after":"AUS.LEAF"},"level":{"before":3,"after":2}}"""),
            JsonNode.Parse((string)entries[leaf]["changes"]!), JsonNode.DeepEquals);
        Assert.False(entries.ContainsKey(root));
    }

    [Fact]
    public async Task Moving_below_itself_or_a_subcategory_beyond_level_three_or_to_codes_too_long_is_a_validation_error_and_nothing_is_written()
    {
        // Arrange: CYC > CYC.MID > CYC.MID.LOW, a level 1 and a level 2 target, and a root with a 29-character code
        var editor = api.CreateAs(Editor);
        var top = await CreateAsync(editor, "CYC", null);
        var mid = await CreateAsync(editor, "CYC.MID", top);
        var low = await CreateAsync(editor, "CYC.MID.LOW", mid);
        var it = await IdOf(editor, "IT");
        var sw = await IdOf(editor, "IT.SW");
        var longRoot = await CreateAsync(editor, "LONG_ROOT_CODE_ABCDEFGHIJKLMN", null);
        var versions = await TreeAsync(editor, "CYC");
        object Input(string id, string? parent) => new { input = new { id, newParentId = parent, expectedVersion = Version(versions, versions.Single(r => (string)r["id"]! == id)["code"]!.ToString()) } };

        // Act
        var (_, itself) = await editor.PostGraphQLAsync(Move, Input(top, top));
        var (_, child) = await editor.PostGraphQLAsync(Move, Input(top, mid));
        var (_, grandchild) = await editor.PostGraphQLAsync(Move, Input(top, low));
        var (_, threeLevelsBelowARoot) = await editor.PostGraphQLAsync(Move, Input(top, it));
        var (_, twoLevelsBelowALevelTwo) = await editor.PostGraphQLAsync(Move, Input(mid, sw));
        var (_, leafBelowALeaf) = await editor.PostGraphQLAsync(Move, Input(low, await IdOf(editor, "IT.SW.SAAS")));
        var (_, codeTooLong) = await editor.PostGraphQLAsync(Move, Input(low, longRoot));

        // Assert
        foreach (var body in new[] { itself, child, grandchild, threeLevelsBelowARoot, twoLevelsBelowALevelTwo, leafBelowALeaf, codeTooLong })
        {
            Assert.Equal([("ValidationError", "newParentId", "INVALID_VALUE")], body.Payload("moveCategory").Errors());
            Assert.Null(body.Payload("moveCategory")["category"]);
        }

        Assert.Contains("itself or one of its subcategories", (string)child.Payload("moveCategory")["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("level 4", (string)threeLevelsBelowARoot.Payload("moveCategory")["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("longer than 32 characters", (string)codeTooLong.Payload("moveCategory")["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(["CYC:1:", "CYC.MID:2:CYC", "CYC.MID.LOW:3:CYC.MID"], Shape(await TreeAsync(editor, "CYC")));
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'moveCategory' AND EntityKey IN (" + string.Join(",", new[] { top, mid, low }.Select(Key)) + ")"));
    }

    [Fact]
    public async Task A_code_the_category_would_get_that_another_category_has_is_a_duplicate()
    {
        // Arrange: DUPA.X and DUPB.X; PS.CONS.IT would become the root IT
        var editor = api.CreateAs(Editor);
        var dupA = await CreateAsync(editor, "DUPA", null);
        var dupB = await CreateAsync(editor, "DUPB", null);
        var x = await CreateAsync(editor, "DUPA.X", dupA);
        await CreateAsync(editor, "DUPB.X", dupB);
        var consultingIt = await IdOf(editor, "PS.CONS.IT");
        var versions = (await TreeAsync(editor, "DUPA.X")).Concat(await TreeAsync(editor, "PS.CONS.IT")).ToList();

        // Act
        var (_, sibling) = await editor.PostGraphQLAsync(Move, new { input = new { id = x, newParentId = dupB, expectedVersion = Version(versions, "DUPA.X") } });
        var (_, toTheTop) = await editor.PostGraphQLAsync(Move, new { input = new { id = consultingIt, newParentId = (string?)null, expectedVersion = Version(versions, "PS.CONS.IT") } });

        // Assert
        Assert.Equal([("ValidationError", "newParentId", "DUPLICATE")], sibling.Payload("moveCategory").Errors());
        Assert.Contains("`DUPB.X`", (string)sibling.Payload("moveCategory")["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Equal([("ValidationError", "newParentId", "DUPLICATE")], toTheTop.Payload("moveCategory").Errors());
        Assert.Equal(2, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code IN ('DUPA.X', 'PS.CONS.IT')"));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_with_the_current_version_and_a_move_to_the_current_parent_writes_nothing()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var root = await CreateAsync(editor, "STALE", null);
        var child = await CreateAsync(editor, "STALE.C", root);
        var read = Version(await TreeAsync(editor, "STALE.C"), "STALE.C");
        var renamed = (await editor.PostGraphQLAsync("mutation($i: UpdateCategoryInput!) { updateCategory(input: $i) { category { version } } }",
            new { i = new { id = child, expectedVersion = read, name = "Renamed meanwhile" } })).Body.Payload("updateCategory")["category"]!["version"]!.ToString();

        // Act
        var (_, stale) = await editor.PostGraphQLAsync(Move, new { input = new { id = child, newParentId = (string?)null, expectedVersion = read } });
        var (_, same) = await editor.PostGraphQLAsync(Move, new { input = new { id = child, newParentId = root, expectedVersion = renamed } });

        // Assert
        var conflict = stale.Payload("moveCategory")["errors"]![0]!;
        Assert.Equal(("ConcurrencyConflictError", renamed), ((string?)conflict["__typename"], (string?)conflict["currentVersion"]));
        var unchanged = same.Payload("moveCategory");
        Assert.Null(unchanged["errors"]);
        Assert.Equal(("STALE.C", renamed), ((string?)unchanged["category"]!["code"], (string?)unchanged["category"]!["version"]));
        Assert.Equal(0, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'moveCategory' AND EntityKey = '{Key(child)}'"));
    }

    [Fact]
    public async Task Unknown_or_foreign_ids_are_not_found_and_a_left_out_parent_is_required()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var saas = await IdOf(editor, "IT.SW.SAAS");
        var version = Version(await TreeAsync(editor, "IT.SW.SAAS"), "IT.SW.SAAS");

        // Act
        var (_, unknown) = await editor.PostGraphQLAsync(Move, new { input = new { id = Id("Category", 999999), newParentId = (string?)null, expectedVersion = version } });
        var (_, supplier) = await editor.PostGraphQLAsync(Move, new { input = new { id = Id("Supplier", 1), newParentId = (string?)null, expectedVersion = version } });
        var (_, unknownParent) = await editor.PostGraphQLAsync(Move, new { input = new { id = saas, newParentId = Id("Category", 999999), expectedVersion = version } });
        var (_, contractParent) = await editor.PostGraphQLAsync(Move, new { input = new { id = saas, newParentId = Id("Contract", 1), expectedVersion = version } });
        var (_, leftOut) = await editor.PostGraphQLAsync(Move, new { input = new { id = saas, expectedVersion = version } });

        // Assert
        Assert.Equal([("NotFoundError", "id", null)], unknown.Payload("moveCategory").Errors());
        Assert.Equal([("NotFoundError", "id", null)], supplier.Payload("moveCategory").Errors());
        Assert.Equal([("NotFoundError", "newParentId", null)], unknownParent.Payload("moveCategory").Errors());
        Assert.Equal([("NotFoundError", "newParentId", null)], contractParent.Payload("moveCategory").Errors());
        Assert.Equal([("ValidationError", "newParentId", "REQUIRED")], leftOut.Payload("moveCategory").Errors());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'IT.SW.SAAS' AND Level = 3"));
    }

    [Theory]
    [MemberData(nameof(NonEditors), MemberType = typeof(Writes))]
    public async Task Readers_raters_and_partners_cannot_move_categories(string role)
    {
        // Arrange: the partner's supplier 12 is approved in categories it therefore sees
        var editor = api.CreateAs(Editor);
        var saas = await IdOf(editor, "IT.SW.SAAS");
        var input = new { input = new { id = saas, newParentId = await IdOf(editor, "IT.HW"), expectedVersion = Version(await TreeAsync(editor, "IT.SW.SAAS"), "IT.SW.SAAS") } };

        // Act
        var (_, body) = await api.CreateCaller(role).PostGraphQLAsync(Move, input);

        // Assert
        Assert.Equal("AUTH_NOT_AUTHORIZED", body.ErrorCode());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'IT.SW.SAAS'"));
    }

    internal static async Task<string> CreateAsync(HttpClient editor, string code, string? parent)
    {
        var (_, body) = await editor.PostGraphQLAsync(
            "mutation($i: CreateCategoryInput!) { createCategory(input: $i) { category { id } errors { ... on Error { message } } } }",
            new { i = new { code, parentId = parent, name = code + " category", managerName = "Mia Mover", managerEmail = "mia@example.com" } });
        return (string?)body.Payload("createCategory")["category"]?["id"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    internal static async Task<string> IdOf(HttpClient client, string code) =>
        (string?)(await client.PostGraphQLAsync("query($c: String!) { category(code: $c) { id } }", new { c = code })).Body["data"]?["category"]?["id"]
            ?? throw new InvalidOperationException($"No category {code}.");

    private static async Task<List<JsonNode>> TreeAsync(HttpClient client, string prefix)
    {
        var (_, body) = await client.PostGraphQLAsync(Tree, new { prefix });
        return [.. body["data"]!["categories"]!["nodes"]!.AsArray().Select(n => n!)];
    }

    private static string Version(IEnumerable<JsonNode> rows, string code) => (string)rows.Single(r => (string?)r["code"] == code)["version"]!;

    private static List<string> Shape(IEnumerable<JsonNode> rows) => [.. rows.Select(r => $"{r["code"]}:{r["level"]}:{r["parent"]?["code"]}")];

    private static string Key(string id) =>
        ProcurementGraph.Toolkit.Relay.GlobalId.TryDecode(id, out _, out var key) ? key : throw new InvalidOperationException(id);
}
