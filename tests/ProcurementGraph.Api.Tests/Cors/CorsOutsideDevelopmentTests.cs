using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Cors;

/// <summary>Outside Development no origin is allowed unless <c>Cors:AllowedOrigins</c> names it; preflights need no token.</summary>
[Collection(EntraCollection.Name)]
public sealed class CorsOutsideDevelopmentTests(EntraApiFactory api)
{
    [Fact]
    public async Task No_origin_is_allowed_by_default()
    {
        // Act
        using var response = await CorsTests.PreflightAsync(api.CreateClient(), "http://localhost:3000", "POST", "authorization");

        // Assert
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_configured_origin_gets_its_preflight_answered_without_a_token_and_its_request_with_one()
    {
        // Arrange
        using var configured = api.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com"));
        var token = api.Entra.CreateToken(t =>
        {
            t.Roles.Add("Procurement.Reader");
            t.Scopes.Add("Procurement.Access");
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://app.contoso.com");
        request.Headers.Authorization = new("Bearer", token);

        // Act
        using var preflight = await CorsTests.PreflightAsync(configured.CreateClient(), "https://app.contoso.com", "POST", "authorization, content-type");
        using var response = await configured.CreateClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("https://app.contoso.com", CorsTests.Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://app.contoso.com", CorsTests.Header(response, "Access-Control-Allow-Origin"));
    }
}
