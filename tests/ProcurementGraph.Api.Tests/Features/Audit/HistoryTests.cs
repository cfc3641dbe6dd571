using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Audit;

/// <summary>
/// <c>history</c> on the audited types through HTTP: an object's audit entries, newest first, paged like <c>auditEntries</c>,
/// read by Admin only, and projected into the statement of the root field (one more per level under a paged nested list).
/// </summary>
public sealed class HistoryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string CreateSupplier = """
        mutation Create($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id version } errors { __typename } } }
        """;

    private const string UpdateSupplier = """
        mutation Update($input: UpdateSupplierInput!) { updateSupplier(input: $input) { supplier { version } errors { __typename } } }
        """;

    private const string SupplierHistory = """
        query SupplierHistory($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
          supplier(id: $id) {
            history(first: $first, after: $after, last: $last, before: $before) {
              totalCount
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              nodes { action operation subject subjectName roles entityId changes }
            }
          }
        }
        """;

    [Fact]
    public async Task Admin_reads_a_create_and_an_update_newest_first_with_before_and_after_in_one_statement()
    {
        // Arrange
        var editor = api.CreateClient([Editor], new Dictionary<string, object> { ["oid"] = "aaaaaaaa-1111-2222-3333-444444444444" }, "Erik Editor");
        var (id, version) = await CreateAsync(editor, "NO-HIST-1");
        await UpdateAsync(editor, id, version, new { city = "Tromsø" });
        api.Sql.Reset();

        // Act
        var (response, body) = await api.CreateAs(Admin).PostGraphQLAsync(SupplierHistory, new { id });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        Assert.Equal(1, api.Sql.Count);
        var history = body["data"]!["supplier"]!["history"]!;
        Assert.Equal(2, (int)history["totalCount"]!);
        var (updated, created) = (history["nodes"]![0]!, history["nodes"]![1]!);
        Assert.Equal(("UPDATED", "updateSupplier"), ((string?)updated["action"], (string?)updated["operation"]));
        Assert.Equal(("CREATED", "createSupplier"), ((string?)created["action"], (string?)created["operation"]));
        Assert.All(new[] { updated, created }, entry =>
        {
            Assert.Equal(id, (string?)entry["entityId"]);
            Assert.Equal("aaaaaaaa-1111-2222-3333-444444444444", (string?)entry["subject"]);
            Assert.Equal("Erik Editor", (string?)entry["subjectName"]);
            Assert.Equal(Editor, (string?)entry["roles"]);
        });
        var update = JsonNode.Parse((string)updated["changes"]!)!.AsObject();
        Assert.Equal("Bergen", (string?)update["city"]!["before"]);
        Assert.Equal("Tromsø", (string?)update["city"]!["after"]);
        Assert.Single(update);
        var create = JsonNode.Parse((string)created["changes"]!)!.AsObject();
        Assert.Null(create["name"]!["before"]);
        Assert.Equal("Fjord Fasteners", (string?)create["name"]!["after"]);
        Assert.Equal("NO-HIST-1", (string?)create["registrationNumber"]!["after"]);
    }

    [Fact]
    public async Task History_pages_forward_and_backward_with_cursors_and_takes_where_and_order()
    {
        // Arrange: created, then two updates
        var editor = api.CreateAs(Editor);
        var (id, version) = await CreateAsync(editor, "NO-HIST-2");
        version = await UpdateAsync(editor, id, version, new { city = "Alta" });
        await UpdateAsync(editor, id, version, new { city = "Bodø" });
        var admin = api.CreateAs(Admin);

        // Act
        var first = (await admin.PostGraphQLAsync(SupplierHistory, new { id, first = 2 })).Body["data"]!["supplier"]!["history"]!;
        var next = (await admin.PostGraphQLAsync(SupplierHistory, new { id, first = 2, after = (string?)first["pageInfo"]!["endCursor"] })).Body["data"]!["supplier"]!["history"]!;
        var last = (await admin.PostGraphQLAsync(SupplierHistory, new { id, last = 1 })).Body["data"]!["supplier"]!["history"]!;
        var before = (await admin.PostGraphQLAsync(SupplierHistory, new { id, last = 1, before = (string?)last["pageInfo"]!["startCursor"] })).Body["data"]!["supplier"]!["history"]!;
        var (_, filtered) = await admin.PostGraphQLAsync("""
            query($id: ID!) {
              supplier(id: $id) {
                created: history(where: { action: { eq: CREATED } }) { totalCount nodes { operation } }
                oldestFirst: history(order: [{ changedAt: ASC }]) { nodes { action changes } }
              }
            }
            """, new { id });

        // Assert
        Assert.Equal(3, (int)first["totalCount"]!);
        Assert.Equal(["Bodø", "Alta"], Cities(first));
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal(["CREATED"], Actions(next));
        Assert.False((bool)next["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)next["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal(["CREATED"], Actions(last));
        Assert.True((bool)last["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal(["Alta"], Cities(before));
        Assert.Null(filtered["errors"]);
        var supplier = filtered["data"]!["supplier"]!;
        Assert.Equal(1, (int)supplier["created"]!["totalCount"]!);
        Assert.Equal("createSupplier", (string?)supplier["created"]!["nodes"]![0]!["operation"]);
        Assert.Equal(["CREATED", "UPDATED", "UPDATED"], Actions(supplier["oldestFirst"]!));
        Assert.Equal(["Alta", "Bodø"], Cities(supplier["oldestFirst"]!).Skip(1));
    }

    [Theory]
    [InlineData(Reader)]
    [InlineData(Editor)]
    [InlineData(Rater)]
    [InlineData(Partner)]
    public async Task Nobody_but_admin_reads_history_and_the_rest_of_the_answer_stays(string role)
    {
        // Arrange: a partner of supplier 4 sees supplier 4
        var client = api.CreateClient([role], new Dictionary<string, object> { ["supplier_id"] = "4" });

        // Act
        var (response, body) = await client.PostGraphQLAsync("""
            query($id: ID!) { supplier(id: $id) { name history(first: 5) { totalCount nodes { changes } } } }
            """, new { id = Id("Supplier", 4) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var supplier = body["data"]!["supplier"]!;
        Assert.False(string.IsNullOrEmpty((string?)supplier["name"]));
        Assert.Null(supplier["history"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)error["extensions"]!["code"]);
        Assert.Equal("supplier.history", string.Join(".", error["path"]!.AsArray().Select(p => p!.ToString())));
    }

    [Fact]
    public async Task A_list_of_suppliers_with_their_history_is_one_statement()
    {
        // Arrange: suppliers 1, 2 and 3 changed once each, 2 twice
        var editor = api.CreateAs(Editor);
        foreach (var key in new[] { 1, 2, 3, 2 })
        {
            var version = (string)(await editor.PostGraphQLAsync("query($id: ID!) { supplier(id: $id) { version } }", new { id = Id("Supplier", key) })).Body["data"]!["supplier"]!["version"]!;
            await UpdateAsync(editor, Id("Supplier", key), version, new { website = $"https://s{key}-{Guid.NewGuid():N}.example.com" });
        }

        api.Sql.Reset();

        // Act
        var (_, body) = await api.CreateAs(Admin).PostGraphQLAsync("""
            {
              suppliers(first: 10, order: [{ id: ASC }]) {
                nodes { id history(first: 1) { totalCount pageInfo { hasNextPage } nodes { action entityId } } }
              }
            }
            """);

        // Assert
        Assert.Null(body["errors"]);
        Assert.Equal(1, api.Sql.Count);
        var suppliers = body["data"]!["suppliers"]!["nodes"]!.AsArray();
        Assert.Equal(10, suppliers.Count);
        Assert.Equal([1, 2, 1, 0, 0, 0, 0, 0, 0, 0], suppliers.Select(s => (int)s!["history"]!["totalCount"]!));
        Assert.Equal([false, true, false], suppliers.Take(3).Select(s => (bool)s!["history"]!["pageInfo"]!["hasNextPage"]!));
        Assert.All(suppliers, s => Assert.All(s!["history"]!["nodes"]!.AsArray(), e => Assert.Equal((string?)s["id"], (string?)e!["entityId"])));
        Assert.All(suppliers.Skip(3), s => Assert.Empty(s!["history"]!["nodes"]!.AsArray()));
    }

    [Fact]
    public async Task History_under_a_paged_nested_list_waits_for_one_batch_statement_not_one_per_row()
    {
        // Arrange: two contracts of one supplier changed
        var editor = api.CreateAs(Editor);
        var contracts = (await editor.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", 5) + "\") { contracts(first: 2, order: [{ id: ASC }]) { nodes { id version } } } }"))
            .Body["data"]!["supplier"]!["contracts"]!["nodes"]!.AsArray();
        Assert.Equal(2, contracts.Count);
        foreach (var contract in contracts)
        {
            var (_, update) = await editor.PostGraphQLAsync("mutation($input: UpdateContractInput!) { updateContract(input: $input) { contract { id } errors { __typename } } }",
                new { input = new { id = (string?)contract!["id"], expectedVersion = (string?)contract["version"], noticePeriodDays = 45 } });
            Assert.Null(update.Payload("updateContract")["errors"]);
        }

        api.Sql.Reset();

        // Act
        var (_, body) = await api.CreateAs(Admin).PostGraphQLAsync("""
            query($id: ID!) {
              suppliers(where: { id: { eq: $id } }) {
                nodes { contracts(first: 5, order: [{ id: ASC }]) { nodes { id history { nodes { operation entityId } } } } }
              }
            }
            """, new { id = Id("Supplier", 5) });

        // Assert
        Assert.Null(body["errors"]);
        Assert.Equal(2, api.Sql.Count);
        var nodes = body["data"]!["suppliers"]!["nodes"]![0]!["contracts"]!["nodes"]!.AsArray();
        Assert.All(nodes.Take(2), c => Assert.Equal(((string?)c!["id"], "updateContract"), Single(c["history"]!)));
        Assert.All(nodes.Skip(2), c => Assert.Empty(c!["history"]!["nodes"]!.AsArray()));
    }

    [Fact]
    public async Task Every_audited_type_has_its_history()
    {
        // Arrange: one write of each audited type
        var editor = api.CreateAs(Editor);
        var read = (await editor.PostGraphQLAsync($$"""
            {
              contract: node(id: "{{Id("Contract", 3)}}") { ... on Contract { version } }
              category: node(id: "{{Id("Category", 2)}}") { ... on Category { version } }
              goal: node(id: "{{Id("StrategicGoal", 2)}}") { ... on StrategicGoal { version current } }
            }
            """)).Body["data"]!;
        await WriteAsync(editor, "updateContract", "UpdateContractInput", new { id = Id("Contract", 3), expectedVersion = (string?)read["contract"]!["version"], noticePeriodDays = 75 });
        await WriteAsync(editor, "updateCategory", "UpdateCategoryInput", new { id = Id("Category", 2), expectedVersion = (string?)read["category"]!["version"], description = "Kept by history tests." });
        await WriteAsync(editor, "recordGoalProgress", "RecordGoalProgressInput",
            new { id = Id("StrategicGoal", 2), expectedVersion = (string?)read["goal"]!["version"], current = (decimal)read["goal"]!["current"]! + 1m });
        var rating = await WriteAsync(api.CreateRater(), "submitRating", "SubmitRatingInput",
            new { supplierId = Id("Supplier", 9), period = "2026-Q3", quality = 4, delivery = 4, responsiveness = 4, innovation = 4, costValue = 4, overall = 4 },
            "stakeholderRating { id }");
        var ratingId = (string)rating["stakeholderRating"]!["id"]!;

        // A link (composite key) is audited as the link's own entry, in neither the category's nor the supplier's history
        var (supplierId, _) = await CreateAsync(editor, "NO-HIST-3");
        await WriteAsync(editor, "linkSupplierToCategory", "LinkSupplierToCategoryInput", new { supplierId, categoryId = Id("Category", 2) });
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'linkSupplierToCategory' AND EntityKey LIKE '2,%' AND EntityKeyNumber IS NULL"));
        api.Sql.Reset();

        // Act
        var (_, body) = await api.CreateAs(Admin).PostGraphQLAsync($$"""
            query($rating: ID!, $supplier: ID!) {
              contract: node(id: "{{Id("Contract", 3)}}") { id ... on Contract { history { nodes { operation entityId } } } }
              category: node(id: "{{Id("Category", 2)}}") { id ... on Category { history { nodes { operation entityId } } } }
              goal: node(id: "{{Id("StrategicGoal", 2)}}") { id ... on StrategicGoal { history { nodes { operation entityId } } } }
              rating: node(id: $rating) { id ... on StakeholderRating { history { nodes { operation entityId } } } }
              supplier: node(id: $supplier) { id ... on Supplier { history { nodes { operation entityId } } } }
            }
            """, new { rating = ratingId, supplier = supplierId });

        // Assert
        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        Assert.Equal(5, api.Sql.Count); // one per root field
        var data = body["data"]!;
        Assert.Equal(((string?)data["contract"]!["id"], "updateContract"), Single(data["contract"]!["history"]!));
        Assert.Equal(((string?)data["category"]!["id"], "updateCategory"), Single(data["category"]!["history"]!));
        Assert.Equal(((string?)data["goal"]!["id"], "recordGoalProgress"), Single(data["goal"]!["history"]!));
        Assert.Equal((ratingId, "submitRating"), Single(data["rating"]!["history"]!));
        Assert.Equal((supplierId, "createSupplier"), Single(data["supplier"]!["history"]!));
    }

    private static async Task<JsonNode> WriteAsync(HttpClient client, string mutation, string inputType, object input, string selection = "")
    {
        var (_, body) = await client.PostGraphQLAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {selection} errors {{ __typename }} }} }}", new { input });
        var payload = body.Payload(mutation);
        Assert.True(payload["errors"] is null, payload["errors"]?.ToJsonString());
        return payload;
    }

    private static async Task<(string Id, string Version)> CreateAsync(HttpClient editor, string registration)
    {
        var (_, body) = await editor.PostGraphQLAsync(CreateSupplier, new
        {
            input = new
            {
                name = "Fjord Fasteners", legalName = "Fjord Fasteners AS", registrationNumber = registration, country = "NO",
                city = "Bergen", website = "https://fjord.example.com", primaryContactEmail = "sales@fjord.example.com",
            },
        });
        var supplier = body.Payload("createSupplier")["supplier"]!;
        return ((string)supplier["id"]!, (string)supplier["version"]!);
    }

    private static async Task<string> UpdateAsync(HttpClient editor, string id, string version, object changes)
    {
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(changes))!.AsObject();
        input["id"] = id;
        input["expectedVersion"] = version;
        var (_, body) = await editor.PostGraphQLAsync(UpdateSupplier, new { input });
        var payload = body.Payload("updateSupplier");
        Assert.Null(payload["errors"]);
        return (string)payload["supplier"]!["version"]!;
    }

    private static List<string?> Actions(JsonNode history) => [.. history["nodes"]!.AsArray().Select(e => (string?)e!["action"])];

    private static List<string?> Cities(JsonNode history) =>
        [.. history["nodes"]!.AsArray().Select(e => (string?)JsonNode.Parse((string)e!["changes"]!)!["city"]?["after"])];

    private static (string? EntityId, string? Operation) Single(JsonNode history)
    {
        var entry = Assert.Single(history["nodes"]!.AsArray())!;
        return ((string?)entry["entityId"], (string?)entry["operation"]);
    }
}
