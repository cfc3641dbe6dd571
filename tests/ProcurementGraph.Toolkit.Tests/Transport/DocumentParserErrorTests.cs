using System.Net;
using static ProcurementGraph.Toolkit.Tests.TestKit.TestHost;

namespace ProcurementGraph.Toolkit.Tests.Transport;

/// <summary>A document the parser cannot read is the client's error (400, coded), never a 500.</summary>
public sealed class DocumentParserErrorTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    private static readonly string DeepSelection = "{" + string.Concat(Enumerable.Repeat("a: __type(name: \"Query\") { b: fields { c: type { ", 30))
        + "name" + new string('}', 90) + "}";

    private static readonly string DeepValue = "{ echo(text: " + new string('[', 200) + "\"x\"" + new string(']', 200) + ") }";

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task A_too_deep_selection_or_value_is_MAX_DEPTH_EXCEEDED(string accept, HttpStatusCode status)
    {
        foreach (var query in new[] { DeepSelection, DeepValue })
        {
            // Act
            var post = await host.PostQueryAsync(query, accept: accept);
            var get = await host.GetAsync(QueryString(("query", query)), accept);

            // Assert
            foreach (var response in new[] { post, get })
            {
                Assert.Equal(status, response.StatusCode);
                Assert.False(response.HasData);
                Assert.Equal("MAX_DEPTH_EXCEEDED", response.SingleErrorCode);
                Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
            }
        }

        Assert.Equal("world", (await host.PostQueryAsync("{ hello }")).Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("\r]")]
    [InlineData("{ hello\r] }")]
    [InlineData("query Q($a: Str\r\uDA80\uDEAA]ing) { hello }")]
    [InlineData("{ hello }\r\n\r}")]
    public async Task A_syntax_error_after_a_lone_carriage_return_is_SYNTAX_ERROR_not_500(string query)
    {
        // Act (GraphQL-Parser 9.5 throws IndexOutOfRangeException composing this message)
        var post = await host.PostQueryAsync(query, accept: "application/graphql-response+json");
        var get = await host.GetAsync(QueryString(("query", query)), "application/graphql-response+json");

        // Assert
        foreach (var response in new[] { post, get })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("SYNTAX_ERROR", response.SingleErrorCode);
        }
    }
}
