using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Ide;

/// <summary>Outside Development GraphiQL is off unless <c>GraphQL:Ide:Enabled</c> turns it on; its page needs no token.</summary>
[Collection(EntraCollection.Name)]
public sealed class GraphiQLOutsideDevelopmentTests(EntraApiFactory api)
{
    [Fact]
    public async Task It_is_off_by_default()
    {
        // Act
        using var page = await GraphiQLTests.GetAsync(api.CreateClient(), "/graphql", GraphiQLTests.BrowserAccept);
        using var script = await GraphiQLTests.GetAsync(api.CreateClient(), "/graphql/ide/graphiql.js", "*/*");

        // Assert: the endpoint answers as it always did (no token: 401), and no IDE file exists
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.NotEqual("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }

    [Fact]
    public async Task The_setting_turns_it_on_and_the_page_needs_no_token()
    {
        // Arrange
        using var on = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Ide:Enabled", "true"));
        var client = on.CreateClient();

        // Act
        using var page = await GraphiQLTests.GetAsync(client, "/graphql", GraphiQLTests.BrowserAccept);
        using var script = await GraphiQLTests.GetAsync(client, "/graphql/ide/graphiql.js", "*/*");
        using var query = await client.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode); // the data still needs a token
    }
}
