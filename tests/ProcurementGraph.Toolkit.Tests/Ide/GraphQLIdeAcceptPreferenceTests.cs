using ProcurementGraph.Toolkit.Ide;

namespace ProcurementGraph.Toolkit.Tests.Ide;

public sealed class GraphQLIdeAcceptPreferenceTests
{
    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8")] // Chromium
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")] // Firefox
    [InlineData("text/html")]
    [InlineData("text/*, application/json;q=0.5")]
    [InlineData("application/json;q=0.9, text/html")]
    public void Browsers_prefer_html(string accept) => Assert.True(GraphQLIdeAcceptPreference.PrefersHtml(accept));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9")]
    [InlineData("application/json, text/html")] // a tie goes to the API
    [InlineData("text/html;q=0.5, application/json")]
    [InlineData("text/html;q=0")]
    [InlineData("application/*, text/plain")]
    [InlineData("not a media type")]
    public void Api_clients_do_not(string? accept) => Assert.False(GraphQLIdeAcceptPreference.PrefersHtml(accept));
}
