using System.Net;
using System.Net.Http.Headers;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>ETags and Cache-Control on the app's GET queries (the transport's rules one by one are in the toolkit's tests).</summary>
public sealed class HttpCachingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string SuppliersPage = "/graphql?documentId=sha256:816c5cd271d3eb43fa80b28dc7f824a8b92f0cc834ac8c72e921f01b06917420&variables=%7B%22first%22%3A2%7D";

    [Fact]
    public async Task A_get_query_has_an_etag_and_if_none_match_gives_304_and_the_development_persona_is_private_no_cache()
    {
        // Arrange (the development persona answers requests without a token: the README's `private, no-cache`)
        var client = api.CreateClient();
        using var first = await client.GetAsync(SuppliersPage);

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Get, SuppliersPage);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("private, no-cache", CacheControl(first));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("private, no-cache", CacheControl(second));
    }

    [Fact]
    public async Task A_caller_with_a_token_gets_no_store_by_default()
    {
        // Arrange
        var client = api.CreateClient(["Procurement.Reader"]);

        // Act
        using var response = await client.GetAsync(SuppliersPage);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("no-store", CacheControl(response));
    }

    [Fact]
    public async Task Caching_authenticated_answers_is_configurable()
    {
        // Arrange
        using var factory = api.WithWebHostBuilder(b => b
            .UseSetting("GraphQL:Http:CacheAuthenticated", "true")
            .UseSetting("GraphQL:Http:CacheMaxAgeSeconds", "60"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token(["Procurement.Reader"]));

        // Act
        using var response = await client.GetAsync(SuppliersPage);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("private, max-age=60", CacheControl(response));
        Assert.Equal(["Accept", "Authorization"], response.Headers.Vary);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("validate")]
    public async Task Cost_reports_are_never_cacheable(string mode)
    {
        // Arrange: even where answers may be cached, a cost report is about one request, not the resource.
        using var factory = api.WithWebHostBuilder(b => b
            .UseSetting("GraphQL:Http:CacheAuthenticated", "true")
            .UseSetting("GraphQL:Http:CacheMaxAgeSeconds", "60"));
        using var request = new HttpRequestMessage(HttpMethod.Get, SuppliersPage);
        request.Headers.Add("GraphQL-Cost", mode);

        // Act
        using var response = await factory.CreateClient().SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("no-store", CacheControl(response));
    }

    [Fact]
    public async Task Errors_and_post_are_never_cacheable()
    {
        // Arrange
        var client = api.CreateClient();

        // Act
        using var withErrors = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ suppliers(first: -1) { totalCount } }"));
        var (post, _) = await client.PostGraphQLAsync("{ suppliers(first: 1) { totalCount } }");

        // Assert
        Assert.Null(withErrors.Headers.ETag);
        Assert.Equal("no-store", CacheControl(withErrors));
        Assert.Null(post.Headers.ETag);
        Assert.Null(post.Headers.CacheControl);
    }

    private static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated["Cache-Control"].ToString();
}
