using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>HotChocolate's max execution depth: every field one level, leaves included.</summary>
public sealed class ExecutionDepthTests
{
    // books 1, nodes 2, author 3, catalog 4, nodes 5, title 6
    private const string DepthSix = "{ books { nodes { author { catalog { nodes { title } } } } } }";

    [Fact]
    public async Task Deeper_than_the_limit_is_rejected_with_hotchocolates_message_and_our_code()
    {
        // Arrange
        await using var host = await TestHost.Library().WithLimits(o => o.MaxExecutionDepth = 5).StartAsync();

        // Act
        var result = await host.ExecuteAsync(DepthSix);

        // Assert
        Assert.False(result.Json.TryGetProperty("data", out _));
        var error = result.SingleError();
        Assert.Equal(
            "The GraphQL document has an execution depth of 6 which exceeds the max allowed execution depth of 5.",
            error.GetProperty("message").GetString());
        var location = Assert.Single(error.GetProperty("locations").EnumerateArray());
        Assert.Equal(1, location.GetProperty("line").GetInt32());
        Assert.Equal(1, location.GetProperty("column").GetInt32());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(LimitErrorCodes.MaxExecutionDepth, extensions.GetProperty("code").GetString());
        Assert.Equal(5, extensions.GetProperty("allowedExecutionDepth").GetInt32());
        Assert.Equal(6, extensions.GetProperty("detectedExecutionDepth").GetInt32());
    }

    [Fact]
    public async Task At_the_limit_the_request_runs()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.MaxExecutionDepth = 6).StartAsync();

        var result = await host.ExecuteAsync(DepthSix);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Fragments_and_inline_fragments_count_their_fields()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.MaxExecutionDepth = 5).StartAsync();

        var result = await host.ExecuteAsync(
            """
            { books { ...Nodes } }
            fragment Nodes on BooksConnection { nodes { ... on Book { author { ...Catalog } } } }
            fragment Catalog on Author { catalog { nodes { title } } }
            """);

        Assert.Equal(6, result.SingleError().GetProperty("extensions").GetProperty("detectedExecutionDepth").GetInt32());
    }

    [Fact]
    public async Task The_default_limit_is_15()
    {
        // Arrange: authors 1, nodes 2, then (books, author) pairs, then a leaf: depth 16.
        await using var host = await TestHost.Library().WithLimits().StartAsync();
        var query = "{ authors { nodes { " + string.Concat(Enumerable.Repeat("books { author { ", 6)) + "books { title }"
            + new string('}', 2 * 6 + 3);

        // Act
        var result = await host.ExecuteAsync(query);

        // Assert
        var extensions = result.SingleError().GetProperty("extensions");
        Assert.Equal(15, extensions.GetProperty("allowedExecutionDepth").GetInt32());
        Assert.Equal(16, extensions.GetProperty("detectedExecutionDepth").GetInt32());
    }

    [Fact]
    public async Task The_standard_introspection_query_fits_the_default_limit()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.IntrospectionRequiresAuthentication = false).StartAsync();

        var result = await host.ExecuteAsync(IntrospectionQuery.Text);

        Assert.Empty(result.Errors);
    }
}
