using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Features.Me;

/// <summary><c>me</c> for each kind of caller, with Entra ID tokens.</summary>
[Collection(EntraCollection.Name)]
public sealed class MeTests(EntraApiFactory api)
{
    private const string MeQuery = """
        query Me {
          me { name roles supplierId businessUnit isPartner isDevelopmentIdentity }
        }
        """;

    [Theory]
    [InlineData("Procurement.Reader")]
    [InlineData("Procurement.Editor")]
    [InlineData("Procurement.Admin")]
    public async Task Internal_roles_see_their_name_and_role(string role)
    {
        // Arrange
        var client = api.CreateClient(t =>
        {
            t.Scopes.Add("Procurement.Access");
            t.Roles.Add(role);
            t.Claims["name"] = "Ada Buyer";
        });

        // Act
        var me = await MeAsync(client);

        // Assert
        Assert.Equal("Ada Buyer", (string?)me["name"]);
        Assert.Equal([role], me["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Null(me["supplierId"]);
        Assert.False((bool)me["isPartner"]!);
        Assert.False((bool)me["isDevelopmentIdentity"]!);
    }

    [Fact]
    public async Task Partner_sees_its_supplier_as_a_global_id()
    {
        // Arrange
        var client = api.CreateClient(t =>
        {
            t.Roles.Add("Partner");
            t.Claims["supplier_id"] = "42";
        });

        // Act
        var me = await MeAsync(client);

        // Assert
        Assert.Equal(GlobalId.Encode("Supplier", 42), (string?)me["supplierId"]);
        Assert.True((bool)me["isPartner"]!);
    }

    [Fact]
    public async Task Partner_without_the_supplier_claim_has_no_supplier()
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Partner"));

        // Act
        var me = await MeAsync(client);

        // Assert
        Assert.Null(me["supplierId"]);
        Assert.True((bool)me["isPartner"]!);
    }

    [Fact]
    public async Task Rater_sees_its_business_unit()
    {
        // Arrange
        var client = api.CreateClient(t =>
        {
            t.Scopes.Add("Procurement.Access");
            t.Roles.Add("Stakeholder.Rater");
            t.Claims["business_unit"] = "BU-OPS";
        });

        // Act
        var me = await MeAsync(client);

        // Assert
        Assert.Equal("BU-OPS", (string?)me["businessUnit"]);
        Assert.Equal(["Stakeholder.Rater"], me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task App_token_is_named_after_the_client_application()
    {
        // Arrange
        var client = api.CreateClient(t =>
        {
            t.Roles.Add("Procurement.Reader");
            t.ClientApplicationId = "bi-tool-client-id";
        });

        // Act
        var me = await MeAsync(client);

        // Assert
        Assert.Equal("bi-tool-client-id", (string?)me["name"]);
    }

    [Fact]
    public async Task Delegated_token_without_roles_may_still_ask_who_it_is()
    {
        // Arrange
        var client = api.CreateClient(t => t.Scopes.Add("Procurement.Access"));

        // Act
        var me = await MeAsync(client);

        // Assert
        Assert.Empty(me["roles"]!.AsArray());
    }

    private static async Task<JsonNode> MeAsync(HttpClient client)
    {
        var (response, body) = await client.PostGraphQLAsync(MeQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        return body["data"]!["me"]!;
    }
}
