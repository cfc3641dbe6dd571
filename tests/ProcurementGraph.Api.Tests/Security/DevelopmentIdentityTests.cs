using System.Net;
using System.Net.Http.Headers;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>Development: a request without a token acts as the configured persona; user-jwts tokens are accepted.</summary>
public sealed class DevelopmentIdentityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string MeQuery = "query Me { me { name roles supplierId isPartner isDevelopmentIdentity } }";

    [Fact]
    public async Task Request_without_a_token_acts_as_the_default_reader_persona()
    {
        // Arrange
        var client = api.CreateClient();

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = body["data"]!["me"]!;
        Assert.Equal("Development User", (string?)me["name"]);
        Assert.Equal(["Procurement.Reader"], me["roles"]!.AsArray().Select(r => (string?)r));
        Assert.True((bool)me["isDevelopmentIdentity"]!);
    }

    [Fact]
    public async Task Persona_comes_from_configuration()
    {
        // Arrange
        using var partner = api.WithWebHostBuilder(b => b
            .UseSetting("Security:DevelopmentIdentity:Name", "Portal Tester")
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Partner")
            .UseSetting("Security:DevelopmentIdentity:SupplierId", "7"));
        var client = partner.CreateClient();

        // Act
        var (_, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        var me = body["data"]!["me"]!;
        Assert.Equal("Portal Tester", (string?)me["name"]);
        Assert.Equal(["Partner"], me["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(GlobalId.Encode("Supplier", 7), (string?)me["supplierId"]);
        Assert.True((bool)me["isPartner"]!);
    }

    [Fact]
    public async Task Invalid_token_is_401_even_in_development()
    {
        // Arrange
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Development_identity_can_be_switched_off()
    {
        // Arrange
        using var strict = api.WithWebHostBuilder(b => b.UseSetting("Security:DevelopmentIdentity:Enabled", "false"));
        var client = strict.CreateClient();

        // Act
        var (response, _) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task User_jwts_token_is_validated_with_the_configured_key_and_carries_roles_and_claims()
    {
        // Arrange: the fixture configures the DevJwt scheme with its own key, as user-jwts writes it (DevelopmentTokens.Settings)
        var client = api.CreateClient(["Partner"], new Dictionary<string, object> { ["supplier_id"] = "12" }, name: "portal-dev");

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = body["data"]!["me"]!;
        Assert.Equal("portal-dev", (string?)me["name"]);
        Assert.Equal(["Partner"], me["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(GlobalId.Encode("Supplier", 12), (string?)me["supplierId"]);
        Assert.False((bool)me["isDevelopmentIdentity"]!);
    }

    [Fact]
    public async Task User_jwts_token_signed_with_another_key_is_401()
    {
        // Arrange: the fixture's DevJwt key is not this one
        var client = api.CreateClient(DevelopmentTokens.Create(DevelopmentTokens.NewSigningKey(), ["Procurement.Admin"]));

        // Act
        var (response, _) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
