using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Cors;

/// <summary>CORS on /graphql through HTTP: preflights and actual requests, Development's loopback default and explicit origins.</summary>
public sealed class CorsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_preflight_from_an_allowed_origin_gets_the_allow_headers()
    {
        // Arrange
        using var configured = api.WithWebHostBuilder(b => b
            .UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com")
            .UseSetting("Cors:MaxAgeSeconds", "120"));

        // Act
        using var response = await PreflightAsync(configured.CreateClient(), "https://app.contoso.com", "POST", "authorization, content-type");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://app.contoso.com", Header(response, "Access-Control-Allow-Origin"));
        var allowedHeaders = Header(response, "Access-Control-Allow-Headers").Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        Assert.Contains("authorization", allowedHeaders);
        Assert.Contains("content-type", allowedHeaders);
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Equal("120", Header(response, "Access-Control-Max-Age"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_allow_headers()
    {
        // Arrange
        using var configured = api.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com"));

        // Act
        using var response = await PreflightAsync(configured.CreateClient(), "https://evil.example", "POST", "authorization");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task A_header_that_is_not_allowed_is_not_granted()
    {
        // Arrange
        using var configured = api.WithWebHostBuilder(b => b
            .UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com")
            .UseSetting("Cors:AllowedHeaders:0", "Authorization"));

        // Act
        using var response = await PreflightAsync(configured.CreateClient(), "https://app.contoso.com", "POST", "x-custom");

        // Assert: the browser refuses the request, Access-Control-Allow-Headers does not name x-custom
        Assert.Equal("Authorization", Header(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Credentials_are_allowed_only_when_configured()
    {
        // Arrange
        using var configured = api.WithWebHostBuilder(b => b
            .UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com")
            .UseSetting("Cors:AllowCredentials", "true"));

        // Act
        using var response = await PreflightAsync(configured.CreateClient(), "https://app.contoso.com", "POST", "content-type");

        // Assert
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_actual_request_from_an_allowed_origin_carries_the_allow_origin_and_varies_by_origin()
    {
        // Arrange: two origins, so the answer depends on the Origin header
        using var configured = api.WithWebHostBuilder(b => b
            .UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com")
            .UseSetting("Cors:AllowedOrigins:1", "https://admin.contoso.com"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://app.contoso.com");

        // Act
        using var response = await configured.CreateClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://app.contoso.com", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1:5173")]
    [InlineData("https://localhost")]
    [InlineData("http://[::1]:8080")]
    public async Task Development_allows_every_loopback_origin_by_default(string origin)
    {
        // Act
        using var response = await PreflightAsync(api.CreateClient(), origin, "POST", "authorization, content-type");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("http://192.168.1.10:3000")]
    [InlineData("https://app.contoso.com")]
    [InlineData("http://localhost.evil.example")]
    public async Task Development_allows_no_other_origin_by_default(string origin)
    {
        // Act
        using var response = await PreflightAsync(api.CreateClient(), origin, "POST", "authorization");

        // Assert
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_replace_the_development_default()
    {
        // Arrange
        using var configured = api.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "http://localhost:3000"));

        // Act
        using var other = await PreflightAsync(configured.CreateClient(), "http://localhost:4000", "POST", "authorization");

        // Assert
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Graphiql_files_are_covered_too()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/ide/graphiql.css");
        request.Headers.Add("Origin", "http://localhost:3000");

        // Act
        using var response = await api.CreateClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:3000", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Other_paths_are_not_covered()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", "http://localhost:3000");

        // Act
        using var response = await api.CreateClient().SendAsync(request);

        // Assert
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    internal static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await client.SendAsync(request);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : []);
}
