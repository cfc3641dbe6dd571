using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Ide;

/// <summary>GraphiQL at <c>GET /graphql</c> for browsers (Development: on by default); API clients keep the endpoint.</summary>
public sealed class GraphiQLTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    internal const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

    [Fact]
    public async Task A_browser_gets_the_graphiql_page_with_its_bundled_files()
    {
        // Arrange
        var client = api.CreateClient();

        // Act
        using var response = await GetAsync(client, "/graphql", BrowserAccept);
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"graphiql\" data-endpoint=\"/graphql\" data-default-query=\"", html, StringComparison.Ordinal);
        var headersHint = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "data-default-headers=\"([^\"]*)\"").Groups[1].Value);
        Assert.Contains("// \"Authorization\": \"Bearer <token>\"", headersHint, StringComparison.Ordinal);
        Assert.Contains("dotnet user-jwts create --scheme DevJwt", headersHint, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/graphql/ide/graphiql.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/graphql/ide/graphiql.css\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("https://", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing from another host
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("Accept", Assert.Single(response.Headers.Vary));
    }

    [Theory]
    [InlineData("graphiql.js", "text/javascript")]
    [InlineData("graphiql.css", "text/css")]
    [InlineData("editor.worker.js", "text/javascript")]
    [InlineData("graphql.worker.js", "text/javascript")]
    [InlineData("json.worker.js", "text/javascript")]
    public async Task The_bundled_files_are_served_under_the_endpoint(string file, string mediaType)
    {
        // Arrange
        var client = api.CreateClient();

        // Act
        using var response = await GetAsync(client, "/graphql/ide/" + file, "*/*");
        var body = await response.Content.ReadAsByteArrayAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length > 10_000, $"{file}: {body.Length} bytes");
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_styles_load_their_font_from_the_bundle_too()
    {
        // Arrange
        var client = api.CreateClient();
        using var css = await GetAsync(client, "/graphql/ide/graphiql.css", "text/css");
        var font = System.Text.RegularExpressions.Regex.Match(await css.Content.ReadAsStringAsync(), @"url\(""\./(codicon-[A-Z0-9]+\.ttf)""\)").Groups[1].Value;

        // Act
        using var response = await GetAsync(client, "/graphql/ide/" + font, "*/*");

        // Assert
        Assert.NotEmpty(font);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_ide_file_is_404()
    {
        using var response = await GetAsync(api.CreateClient(), "/graphql/ide/nothing.js", "*/*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    [InlineData("application/json, text/html")]
    public async Task Api_clients_keep_the_endpoint(string accept)
    {
        // Act
        using var response = await GetAsync(api.CreateClient(), "/graphql", accept);
        var body = await response.Content.ReadAsStringAsync();

        // Assert: a GET without a query, as before the IDE existed
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HC0013", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_get_with_a_query_runs_the_query()
    {
        // Act
        using var response = await GetAsync(api.CreateClient(), "/graphql?query=" + Uri.EscapeDataString("{ __typename }"), BrowserAccept);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", body);
    }

    [Fact]
    public async Task A_browser_get_with_any_query_string_is_the_endpoint()
    {
        // Act
        using var response = await GetAsync(api.CreateClient(), "/graphql?sdl", BrowserAccept);

        // Assert
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_from_a_browser_is_the_endpoint()
    {
        // Arrange
        var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_setting_turns_it_off_in_development()
    {
        // Arrange
        using var off = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Ide:Enabled", "false"));
        var client = off.CreateClient();

        // Act
        using var page = await GetAsync(client, "/graphql", BrowserAccept);
        using var script = await GetAsync(client, "/graphql/ide/graphiql.js", "*/*");

        // Assert
        Assert.NotEqual("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }

    internal static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }
}
