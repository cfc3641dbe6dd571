using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Audit;

/// <summary>The audit trail through the graph: Admin reads it with where/order/paging; nobody else does.</summary>
public sealed class AuditEntriesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string History = """
        query History($key: String!) {
          auditEntries(first: 5, where: { entityType: { eq: "Supplier" }, entityKey: { eq: $key } }, order: [{ changedAt: DESC }]) {
            totalCount
            nodes { subject subjectName roles operation entityType entityKey entityId action changes }
          }
        }
        """;

    [Fact]
    public async Task Admin_reads_who_changed_what_before_and_after()
    {
        // Arrange
        var editor = api.CreateClient([Editor], new Dictionary<string, object> { ["oid"] = "11111111-2222-3333-4444-555555555555" }, "Erik Editor");
        var version = (string)(await editor.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", 4) + "\") { version city } }")).Body["data"]!["supplier"]!["version"]!;
        var city = (string)(await editor.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", 4) + "\") { city } }")).Body["data"]!["supplier"]!["city"]!;
        var update = (await editor.PostGraphQLAsync("mutation($v: String!) { updateSupplier(input: { id: \"" + Id("Supplier", 4) + "\", expectedVersion: $v, city: \"Tromsø\" }) { supplier { city } } }", new { v = version })).Body;
        Assert.Equal("Tromsø", (string?)update.Payload("updateSupplier")["supplier"]!["city"]);

        // Act
        var (_, body) = await api.CreateAs(Admin).PostGraphQLAsync(History, new { key = "4" });

        // Assert
        var trail = body["data"]!["auditEntries"]!;
        Assert.Equal(1, (int)trail["totalCount"]!);
        var entry = trail["nodes"]![0]!;
        Assert.Equal("11111111-2222-3333-4444-555555555555", (string?)entry["subject"]);
        Assert.Equal("Erik Editor", (string?)entry["subjectName"]);
        Assert.Equal("Procurement.Editor", (string?)entry["roles"]);
        Assert.Equal("updateSupplier", (string?)entry["operation"]);
        Assert.Equal(Id("Supplier", 4), (string?)entry["entityId"]);
        Assert.Equal("UPDATED", (string?)entry["action"]);
        var changes = JsonNode.Parse((string)entry["changes"]!)!;
        Assert.Equal(city, (string?)changes["city"]!["before"]);
        Assert.Equal("Tromsø", (string?)changes["city"]!["after"]);
        Assert.Single(changes.AsObject());
    }

    [Theory]
    [InlineData(Reader)]
    [InlineData(Editor)]
    [InlineData(Rater)]
    [InlineData(Partner)]
    public async Task Nobody_but_admin_reads_the_audit_trail(string role)
    {
        // Act
        var (_, body) = await api.CreateClient([role], new Dictionary<string, object> { ["supplier_id"] = "4" }).PostGraphQLAsync(History, new { key = "4" });

        // Assert
        Assert.Null(body["data"]?["auditEntries"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", body.ErrorCode());
    }
}
