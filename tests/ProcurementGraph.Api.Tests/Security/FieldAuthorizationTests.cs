using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>The access table enforced over HTTP with Entra tokens: denied fields are null with AUTH_NOT_AUTHORIZED, HTTP 200.</summary>
[Collection(EntraCollection.Name)]
public sealed class FieldAuthorizationTests(EntraApiFactory api)
{
    [Fact]
    public async Task Partner_asking_for_ratings_gets_the_supplier_without_them()
    {
        // Arrange
        var client = api.CreateClient(t => { t.Roles.Add("Partner"); t.Claims["supplier_id"] = "1"; });

        // Act
        var (response, body) = await client.PostGraphQLAsync("""
            query PartnerView {
              suppliers(first: 1) { nodes { name ratings(first: 1) { totalCount } } }
            }
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var supplier = body["data"]!["suppliers"]!["nodes"]![0]!;
        Assert.False(string.IsNullOrEmpty((string?)supplier["name"]));
        Assert.Null(supplier["ratings"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(error));
        Assert.Equal("suppliers.nodes.0.ratings", PathOf(error));
    }

    [Fact]
    public async Task Partner_asking_for_strategic_goals_gets_null_and_the_rest_of_the_answer()
    {
        // Arrange
        var client = api.CreateClient(t => { t.Roles.Add("Partner"); t.Claims["supplier_id"] = "1"; });

        // Act
        var (response, body) = await client.PostGraphQLAsync("""
            query Goals {
              me { isPartner }
              strategicGoals(first: 1) { totalCount }
            }
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)body["data"]!["me"]!["isPartner"]!);
        Assert.Null(body["data"]!["strategicGoals"]);
        Assert.Equal("strategicGoals", PathOf(Assert.Single(body["errors"]!.AsArray())!));
    }

    [Fact]
    public async Task Reader_is_denied_the_sensitive_registration_number_on_its_path()
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Procurement.Reader"));

        // Act
        var (response, body) = await client.PostGraphQLAsync("""
            query Sensitive {
              suppliers(first: 1) { nodes { name registrationNumber } }
            }
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(error));
        Assert.Equal("suppliers.nodes.0.registrationNumber", PathOf(error));
    }

    [Fact]
    public async Task Admin_reads_the_registration_number()
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Procurement.Admin"));

        // Act
        var (response, body) = await client.PostGraphQLAsync("query Sensitive { suppliers(first: 1) { nodes { registrationNumber } } }");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.False(string.IsNullOrEmpty((string?)body["data"]!["suppliers"]!["nodes"]![0]!["registrationNumber"]));
    }

    [Theory]
    [InlineData("query Q { suppliers(first: 1) { nodes { name registrationNumber @skip(if: true) } } }")]
    [InlineData("query Q { suppliers(first: 1) { nodes { name ... @include(if: false) { registrationNumber } } } }")]
    [InlineData("query Q { suppliers(first: 1) { nodes { name } } } query Other { suppliers(first: 1) { nodes { registrationNumber } } }")]
    public async Task Skipped_fields_and_other_operations_are_not_checked(string query)
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Procurement.Reader"));

        // Act
        var (response, body) = await client.PostGraphQLAsync(query, operationName: "Q");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.False(string.IsNullOrEmpty((string?)body["data"]!["suppliers"]!["nodes"]![0]!["name"]));
    }

    [Fact]
    public async Task Fields_through_a_fragment_are_checked_on_get_requests_too()
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Procurement.Reader"));
        const string query = "query Q { suppliers(first: 1) { nodes { ...S } } } fragment S on Supplier { name registrationNumber }";

        // Act
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(query));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("suppliers.nodes.0.registrationNumber", PathOf(Assert.Single(body["errors"]!.AsArray())!));
    }

    private static string? Code(JsonNode error) => (string?)error["extensions"]!["code"];

    private static string PathOf(JsonNode error) => string.Join('.', error["path"]!.AsArray().Select(p => p!.ToString()));
}
