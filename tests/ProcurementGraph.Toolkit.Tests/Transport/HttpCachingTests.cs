using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;
using static ProcurementGraph.Toolkit.Tests.TestKit.TestHost;

namespace ProcurementGraph.Toolkit.Tests.Transport;

/// <summary>ETags, 304 and Cache-Control on GET query responses; nothing of it on POST or on answers with errors.</summary>
public sealed class HttpCachingTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    private static readonly string Hello = QueryString(("query", "{ hello }"));

    [Fact]
    public async Task A_successful_get_carries_a_strong_etag_of_its_body_and_private_no_cache_by_default()
    {
        // Act
        using var response = await GetAsync(host, Hello);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var body = await response.Content.ReadAsByteArrayAsync();
        var hashed = System.Text.Encoding.UTF8.GetBytes(response.Content.Headers.ContentType + "\n").Concat(body).ToArray();
        Assert.Equal("\"" + Convert.ToHexStringLower(SHA256.HashData(hashed)) + "\"", etag.Tag);
        Assert.Equal("private, no-cache", CacheControl(response));
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"other\", {0}")]
    [InlineData("*")]
    public async Task A_matching_if_none_match_is_304_without_a_body(string ifNoneMatch)
    {
        // Arrange
        using var first = await GetAsync(host, Hello);
        var etag = first.Headers.ETag!.Tag;

        // Act
        using var response = await GetAsync(host, Hello, string.Format(System.Globalization.CultureInfo.InvariantCulture, ifNoneMatch, etag));

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag!.Tag);
        Assert.Equal("private, no-cache", CacheControl(response));
    }

    [Fact]
    public async Task Another_answer_or_another_media_type_has_another_etag_and_a_stale_tag_gets_the_full_answer()
    {
        // Arrange
        using var hello = await GetAsync(host, Hello);
        using var echo = await GetAsync(host, QueryString(("query", "{ echo(text: \"x\") }")));
        using var json = await GetAsync(host, Hello, accept: "application/json");

        // Act
        using var stale = await GetAsync(host, QueryString(("query", "{ echo(text: \"x\") }")), hello.Headers.ETag!.Tag);

        // Assert
        Assert.NotEqual(hello.Headers.ETag!.Tag, echo.Headers.ETag!.Tag);
        Assert.NotEqual(hello.Headers.ETag!.Tag, json.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(echo.Headers.ETag!.Tag, stale.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Get_answers_with_errors_are_no_store_without_an_etag_even_with_if_none_match()
    {
        // Act
        using var fieldError = await GetAsync(host, QueryString(("query", "{ boom }")), "*");
        using var validationError = await GetAsync(host, QueryString(("query", "{ nope }")), "*");

        // Assert
        Assert.Equal(HttpStatusCode.OK, fieldError.StatusCode);
        Assert.Null(fieldError.Headers.ETag);
        Assert.True(fieldError.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.BadRequest, validationError.StatusCode);
        Assert.Null(validationError.Headers.ETag);
        Assert.True(validationError.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Post_answers_carry_neither_etag_nor_cache_control_and_ignore_if_none_match()
    {
        // Arrange
        using var get = await GetAsync(host, Hello);
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path)
        {
            Content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", get.Headers.ETag!.Tag);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Headers.CacheControl);
    }

    [Fact]
    public async Task Max_age_is_configurable()
    {
        // Arrange
        await using var configured = await TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services => services.Configure<GraphQLHttpOptions>(o => o.CacheMaxAgeSeconds = 60)).StartAsync();

        // Act
        using var response = await GetAsync(configured, Hello);

        // Assert
        Assert.Equal("private, max-age=60", CacheControl(response));
    }

    [Theory]
    [InlineData(false, 0, "no-store", "Accept")]
    [InlineData(true, 0, "private, no-cache", "Accept, Authorization")]
    [InlineData(true, 30, "private, max-age=30", "Accept, Authorization")]
    public async Task Authenticated_answers_are_no_store_unless_configured_and_304_still_works(
        bool cacheAuthenticated, int maxAge, string cacheControl, string vary)
    {
        // Arrange
        await using var configured = await TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services =>
        {
            services.Configure<GraphQLHttpOptions>(o =>
            {
                o.CacheAuthenticated = cacheAuthenticated;
                o.CacheMaxAgeSeconds = maxAge;
            });
            services.AddSingleton<IStartupFilter, SignedIn>();
        }).StartAsync();
        using var first = await GetAsync(configured, Hello);

        // Act
        using var second = await GetAsync(configured, Hello, first.Headers.ETag!.Tag);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(cacheControl, CacheControl(first));
        Assert.Equal(vary, string.Join(", ", first.Headers.Vary));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated["Cache-Control"].ToString();

    private static async Task<HttpResponseMessage> GetAsync(TestHost<TransportTestSchema> target, string queryString, string? ifNoneMatch = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TestHost.Path + queryString);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return await target.Client.SendAsync(request);
    }

    /// <summary>Every request is authenticated.</summary>
    private sealed class SignedIn : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone")], "Test"));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
