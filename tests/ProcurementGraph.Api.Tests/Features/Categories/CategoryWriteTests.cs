using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Categories;

/// <summary>createCategory and updateCategory through HTTP.</summary>
public sealed class CategoryWriteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Errors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } }";

    private const string Create = $$"""
        mutation Create($input: CreateCategoryInput!) {
          createCategory(input: $input) { category { id code name level strategy annualSpend managerEmail parent { code } } {{Errors}} }
        }
        """;

    private const string Update = $$"""
        mutation Update($input: UpdateCategoryInput!) {
          updateCategory(input: $input) { category { id version code name description level managerName } {{Errors}} errors { ... on ConcurrencyConflictError { currentVersion } } }
        }
        """;

    private static object NewCategory(string code, string? parent) => new
    {
        code, parentId = parent, name = "Observability", managerName = "Olga Observer", managerEmail = "olga@example.com", annualSpend = 1500.5m, strategy = "LEVERAGE",
    };

    [Fact]
    public async Task Editor_creates_a_subcategory_one_level_below_its_parent_in_three_statements_and_an_audit_insert()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var parent = await Lookup(editor, "IT.SW");
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("it.sw.obs", (string)parent["id"]!) });

        // Assert
        var category = body.Payload("createCategory")["category"]!;
        Assert.Equal(("IT.SW.OBS", 3, "IT.SW", "LEVERAGE"), ((string?)category["code"], (int)category["level"]!, (string?)category["parent"]!["code"], (string?)category["strategy"]));
        Assert.Equal(1500.5m, (decimal)category["annualSpend"]!);
        Assert.Equal(3, api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'IT.SW.OBS' AND Level = 3 AND Name = 'Observability'"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'createCategory' AND Action = 0 AND Changes LIKE '%\"code\":{\"before\":null,\"after\":\"IT.SW.OBS\"}%'"));
    }

    [Fact]
    public async Task Editor_creates_a_root_category()
    {
        // Act
        var (_, body) = await api.CreateAs(Editor).PostGraphQLAsync(Create, new { input = NewCategory("ESG", null) });

        // Assert
        var category = body.Payload("createCategory")["category"]!;
        Assert.Equal(("ESG", 1), ((string?)category["code"], (int)category["level"]!));
        Assert.Null(category["parent"]);
    }

    [Fact]
    public async Task Codes_that_do_not_follow_the_parent_a_leaf_parent_a_taken_code_and_bad_values_are_typed_errors()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var (sw, saas) = ((string)(await Lookup(editor, "IT.SW"))["id"]!, (string)(await Lookup(editor, "IT.SW.SAAS"))["id"]!);

        // Act
        var (_, wrongPath) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("IT.HW.OBS", sw) });
        var (_, tooDeep) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("IT.SW.SAAS.X", saas) });
        var (_, leaf) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("IT.SW.X", saas) });
        var (_, taken) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("IT.SW.SAAS", sw) });
        var (_, rootWithDots) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("IT.NEW", null) });
        var (_, unknownParent) = await editor.PostGraphQLAsync(Create, new { input = NewCategory("IT.SW.OBS2", Id("Category", 999999)) });
        var (_, values) = await editor.PostGraphQLAsync(Create, new { input = new { code = "bad code", name = " ", managerName = "M", managerEmail = "not-an-email", annualSpend = -1m } });

        // Assert
        Assert.Equal([("ValidationError", "code", "INVALID_VALUE")], wrongPath.Payload("createCategory").Errors());
        Assert.Equal([("ValidationError", "code", "INVALID_FORMAT")], tooDeep.Payload("createCategory").Errors());
        Assert.Equal([("ValidationError", "parentId", "INVALID_VALUE")], leaf.Payload("createCategory").Errors());
        Assert.Equal([("ValidationError", "code", "DUPLICATE")], taken.Payload("createCategory").Errors());
        Assert.Equal([("ValidationError", "code", "INVALID_VALUE")], rootWithDots.Payload("createCategory").Errors());
        Assert.Equal([("NotFoundError", "parentId", null)], unknownParent.Payload("createCategory").Errors());
        Assert.Equal(["code", "name", "managerEmail", "annualSpend"], values.Payload("createCategory").Errors().Select(e => e.Field).ToList());
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code IN ('IT.HW.OBS', 'IT.SW.X', 'IT.NEW', 'IT.SW.OBS2')"));
    }

    [Fact]
    public async Task Editor_updates_only_the_fields_given_at_the_version_read_and_a_stale_version_is_a_conflict()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var category = await Lookup(editor, "IT.SW.LIC");
        var input = new { id = (string)category["id"]!, expectedVersion = (string)category["version"]!, name = "Licences", description = (string?)null };
        api.Sql.Reset();

        // Act
        var (_, first) = await editor.PostGraphQLAsync(Update, new { input });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var (_, stale) = await editor.PostGraphQLAsync(Update, new { input = new { input.id, input.expectedVersion, name = "Stale" } });
        var (_, unknown) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Category", 999999), expectedVersion = "x", name = "Nobody" } });

        // Assert
        var updated = first.Payload("updateCategory")["category"]!;
        Assert.Equal(("Licences", null, "IT.SW.LIC", 3), ((string?)updated["name"], (string?)updated["description"], (string?)updated["code"], (int)updated["level"]!));
        Assert.Equal((string?)category["managerName"], (string?)updated["managerName"]);
        Assert.NotEqual((string?)category["version"], (string?)updated["version"]);
        Assert.Equal(3, statements);
        var conflict = stale.Payload("updateCategory")["errors"]![0]!;
        Assert.Equal(("ConcurrencyConflictError", (string?)updated["version"]), ((string?)conflict["__typename"], (string?)conflict["currentVersion"]));
        Assert.Equal([("NotFoundError", "id", null)], unknown.Payload("updateCategory").Errors());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'IT.SW.LIC' AND Name = 'Licences' AND Description IS NULL"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'updateCategory' AND Action = 1 AND Changes LIKE '%\"name\":{\"before\":\"On-Premise Licences\",\"after\":\"Licences\"}%'"));
    }

    [Theory]
    [MemberData(nameof(NonEditors), MemberType = typeof(Writes))]
    public async Task Readers_partners_and_raters_cannot_create_or_update_categories(string role)
    {
        // Arrange
        var category = await Lookup(api.CreateAs(Editor), "IT.SW.SAAS");
        var create = new { input = NewCategory("IT.SW.NOPE", null) };
        var update = new { input = new { id = (string)category["id"]!, expectedVersion = (string)category["version"]!, name = "Nope" } };

        // Act
        var client = api.CreateCaller(role);
        var refusals = new List<string?>
        {
            (await client.PostGraphQLAsync(Create, create)).Body.ErrorCode(),
            (await client.PostGraphQLAsync(Update, update)).Body.ErrorCode(),
        };

        // Assert
        Assert.All(refusals, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'IT.SW.NOPE' OR Name = 'Nope'"));
    }

    private static async Task<JsonNode> Lookup(HttpClient client, string code)
    {
        var (_, body) = await client.PostGraphQLAsync("query($c: String!) { category(code: $c) { id version managerName } }", new { c = code });
        return body["data"]?["category"] ?? throw new InvalidOperationException($"No category {code}: {body.ToJsonString()}");
    }
}
