using System.Net;
using ProcurementGraph.Api.Tests.TestKit;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Features.Suppliers;

public sealed class SuppliersQueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task First_page_returns_names_and_the_total_in_two_statements()
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (response, body) = await client.PostGraphQLAsync("""
            query FirstSuppliers {
              suppliers(first: 3) { nodes { name } totalCount }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body["data"]!["suppliers"]!["nodes"]!.AsArray().Count);
        Assert.Equal(500, (int)body["data"]!["suppliers"]!["totalCount"]!);
        Assert.Equal(2, api.Sql.Count);
        Snapshot.Match(body.ToSnapshotJson());
    }

    [Fact]
    public async Task Total_count_is_not_queried_when_not_selected()
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (_, body) = await client.PostGraphQLAsync("{ suppliers(first: 5) { nodes { name } } }");

        Assert.Equal(5, body["data"]!["suppliers"]!["nodes"]!.AsArray().Count);
        Assert.Equal(1, api.Sql.Count);
        Assert.DoesNotContain(api.Sql.Commands, sql => sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var client = api.CreateClient();
        const string Page = """
            query SupplierPage($after: String) {
              suppliers(first: 200, after: $after) {
                edges { cursor node { id } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }
            """;

        var ids = new List<string>();
        string? after = null;
        var hasNext = true;
        while (hasNext)
        {
            var (_, body) = await client.PostGraphQLAsync(Page, new { after });
            var connection = body["data"]!["suppliers"]!;
            ids.AddRange(connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
            Assert.Equal(after is not null, (bool)connection["pageInfo"]!["hasPreviousPage"]!);
            hasNext = (bool)connection["pageInfo"]!["hasNextPage"]!;
            after = (string?)connection["pageInfo"]!["endCursor"];
        }

        Assert.Equal(500, ids.Count);
        Assert.Equal(500, ids.Distinct().Count());
    }

    [Fact]
    public async Task Ids_are_relay_global_ids_in_hotchocolate_format()
    {
        var client = api.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("{ suppliers(first: 1) { nodes { id } } }");

        var id = (string)body["data"]!["suppliers"]!["nodes"]![0]!["id"]!;
        Assert.Equal("Supplier:1", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id)));
    }

    [Theory]
    [InlineData("first: 1001", "HC0051")]
    [InlineData("first: -1", "HC0079")]
    [InlineData("after: \"not-a-cursor\"", "HC0078")]
    [InlineData("after: \"U3VwcGxpZXI6MQ==\"", "HC0078")]
    public async Task Paging_mistakes_null_the_field_with_a_coded_error(string arguments, string code)
    {
        var client = api.CreateClient();

        var (response, body) = await client.PostGraphQLAsync($"{{ suppliers({arguments}) {{ nodes {{ name }} }} }}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["data"]!["suppliers"]);
        var error = body["errors"]![0]!;
        Assert.Equal(code, (string)error["extensions"]!["code"]!);
        Assert.Equal("suppliers", (string)error["path"]![0]!);
        Assert.Null(error["extensions"]!["stackTrace"]);
    }

    [Fact]
    public async Task Max_page_size_error_carries_hotchocolate_extensions()
    {
        var client = api.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("{ suppliers(first: 5000) { nodes { name } } }");

        var extensions = body["errors"]![0]!["extensions"]!;
        Assert.Equal("Query.suppliers", (string)extensions["coordinate"]!);
        Assert.Equal(5000, (int)extensions["requestedItems"]!);
        Assert.Equal(1000, (int)extensions["maxAllowedItems"]!);
    }
}
