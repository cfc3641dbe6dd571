using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>What HotChocolate clients hit against this server (issue 14; docs/GRAPHQL-CONVENTIONS.md, "Known differences"), each as HotChocolate v15 does it.</summary>
public sealed class HotChocolateClientDifferencesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string ContractId = Convert.ToBase64String("Contract:1"u8.ToArray());

    [Fact]
    public async Task Order_by_id_sorts_on_the_key_both_ways()
    {
        var client = api.CreateClient();

        var (response, body) = await client.PostGraphQLAsync("""
            {
              up: suppliers(first: 3, order: [{ id: ASC }]) { nodes { id } }
              down: suppliers(first: 3, order: [{ id: DESC }]) { nodes { id } }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Equal(["Supplier:1", "Supplier:2", "Supplier:3"], Ids(body["data"]!["up"]!));
        Assert.Equal(["Supplier:500", "Supplier:499", "Supplier:498"], Ids(body["data"]!["down"]!));
    }

    [Fact]
    public async Task Order_by_id_pages_with_cursors()
    {
        var client = api.CreateClient();
        var (_, first) = await client.PostGraphQLAsync("{ suppliers(first: 2, order: [{ id: DESC }]) { pageInfo { endCursor } } }");
        var cursor = (string)first["data"]!["suppliers"]!["pageInfo"]!["endCursor"]!;

        var (_, next) = await client.PostGraphQLAsync(
            "query($after: String) { suppliers(first: 2, after: $after, order: [{ id: DESC }]) { nodes { id } } }", new { after = cursor });

        Assert.Null(next["errors"]);
        Assert.Equal(["Supplier:498", "Supplier:497"], Ids(next["data"]!["suppliers"]!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_typed_id_argument_given_another_types_id_is_hotchocolates_error_and_400(bool asVariable)
    {
        var client = api.CreateClient();
        var request = asVariable
            ? new { query = "query($id: ID!) { supplier(id: $id) { name } }", variables = (object?)new { id = ContractId } }
            : new { query = $"{{ supplier(id: \"{ContractId}\") {{ name }} }}", variables = (object?)null };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(request) };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        using var response = await client.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("The node id type name `Contract` does not match the expected type name `Supplier`.", (string?)error["message"]);
        Assert.Equal("INVALID_ID", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_typed_id_argument_of_its_own_type_still_answers()
    {
        var (_, body) = await api.CreateClient().PostGraphQLAsync("""{ supplier(id: "U3VwcGxpZXI6MQ==") { name } }""");

        Assert.Null(body["errors"]);
        Assert.NotNull((string?)body["data"]!["supplier"]!["name"]);
    }

    [Fact]
    public async Task First_and_last_together_take_the_last_of_the_first_as_hotchocolate_does()
    {
        var client = api.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("""
            {
              all: suppliers(first: 5, order: [{ id: ASC }]) { nodes { id } }
              both: suppliers(first: 5, last: 2, order: [{ id: ASC }]) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }
            }
            """);

        Assert.Null(body["errors"]);
        Assert.Equal(Ids(body["data"]!["all"]!)[3..], Ids(body["data"]!["both"]!));
        Assert.True((bool)body["data"]!["both"]!["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)body["data"]!["both"]!["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task One_malformed_id_in_nodes_nulls_only_its_item()
    {
        var client = api.CreateClient();

        var (response, body) = await client.PostGraphQLAsync("""
            { nodes(ids: ["U3VwcGxpZXI6MQ==", "garbage", "U3VwcGxpZXI6Mg=="]) { id } suppliers(first: 1) { totalCount } }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nodes = body["data"]!["nodes"]!.AsArray();
        Assert.Equal("U3VwcGxpZXI6MQ==", (string?)nodes[0]!["id"]);
        Assert.Null(nodes[1]);
        Assert.Equal("U3VwcGxpZXI6Mg==", (string?)nodes[2]!["id"]);
        Assert.NotNull(body["data"]!["suppliers"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("The node ID string has an invalid format.", (string?)error["message"]);
        Assert.Equal("[\"nodes\",1]", error["path"]!.ToJsonString());
        Assert.Equal("garbage", (string?)error["extensions"]!["originalValue"]);
        Assert.Equal("INVALID_ID", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_malformed_node_id_is_hotchocolates_message()
    {
        var (_, body) = await api.CreateClient().PostGraphQLAsync("""{ node(id: "garbage") { id } }""");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("The node ID string has an invalid format.", (string?)error["message"]);
        Assert.Equal("INVALID_ID", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_october_2021_introspection_fields_are_served()
    {
        var (response, body) = await api.CreateClient().PostGraphQLAsync("""
            {
              __schema { directives { name isRepeatable args { name isDeprecated deprecationReason } } }
              decimal: __type(name: "Decimal") { specifiedByURL }
              filter: __type(name: "SupplierFilterInput") { inputFields(includeDeprecated: true) { name isDeprecated } }
              query: __type(name: "Query") { fields { name args(includeDeprecated: true) { name isDeprecated } } }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        var directives = body["data"]!["__schema"]!["directives"]!.AsArray();
        Assert.False((bool)directives.Single(d => (string?)d!["name"] == "skip")!["isRepeatable"]!);
        Assert.Null(body["data"]!["decimal"]!["specifiedByURL"]);
        Assert.Contains(body["data"]!["filter"]!["inputFields"]!.AsArray(), f => (string?)f!["name"] == "name" && !(bool)f["isDeprecated"]!);
        var supplier = body["data"]!["query"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "supplier")!;
        Assert.Equal("id", (string?)supplier["args"]![0]!["name"]);
    }

    [Fact]
    public async Task Get_sdl_serves_the_committed_schema_with_an_etag()
    {
        var client = api.CreateClient();

        using var response = await client.GetAsync("/graphql?sdl");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphql?sdl");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("schema.graphql", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql")).ReplaceLineEndings("\n");
        Assert.Equal(committed, await response.Content.ReadAsStringAsync());
        Assert.Equal("private, max-age=3600, must-revalidate", response.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    private static string[] Ids(JsonNode connection) => connection["nodes"]!.AsArray()
        .Select(n => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)n!["id"]!))).ToArray();
}
