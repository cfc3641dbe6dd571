using System.Net;
using System.Text;
using System.Text.Json;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

/// <summary><c>RequireGraphQLAuthorization</c>: who may send a request at all, answered as GraphQL errors.</summary>
public sealed class EndpointAuthorizationTests(AuthorizationFixture host) : IClassFixture<AuthorizationFixture>
{
    [Theory]
    [InlineData(null, "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("text/html", "application/json; charset=utf-8")]
    public async Task Missing_credentials_are_401_with_the_schemes_challenge_and_a_graphql_error(string? accept, string contentType)
    {
        // Arrange
        using var request = Post("/guarded", "{ open }", accept: accept);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Test", TestHost.Header(response, "WWW-Authenticate"));
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.TryGetProperty("data", out _));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(GraphQLAuthorizationErrorCodes.NotAuthenticated, TestHost.CodeOf(error));
    }

    [Fact]
    public async Task Rejected_credentials_are_401_and_the_reason_is_logged_not_returned()
    {
        // Arrange
        using var request = Post("/guarded", "{ open }", authorization: "Bogus x");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("bad test credentials", text, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Contains("refused with 401: bad test credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_requests_are_guarded_too()
    {
        // Act
        using var response = await host.Client.GetAsync("/guarded?query=" + Uri.EscapeDataString("{ open }"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authenticated_caller_failing_the_policy_is_403_with_not_authorized()
    {
        // Act
        var response = await host.PostAsAsync("{ open }", roles: ["Guest"], path: "/guarded");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(GraphQLAuthorizationErrorCodes.NotAuthorized, response.SingleErrorCode);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Caller_passing_the_policy_is_executed()
    {
        // Act
        var response = await host.PostAsAsync("{ open }", roles: ["Reader"], path: "/guarded");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open", response.Data.GetProperty("open").GetString());
    }

    [Fact]
    public async Task Other_endpoints_keep_the_default_handling()
    {
        // Act
        using var response = await host.Client.GetAsync("/plain");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Post(string path, string query, string? accept = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
