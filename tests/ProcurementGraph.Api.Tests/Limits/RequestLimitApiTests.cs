using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>Execution depth, the validation-error cap and introspection through /graphql (Development).</summary>
public sealed class RequestLimitApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Deeper_than_15_is_rejected_with_hotchocolates_message_and_a_code()
    {
        // Arrange: suppliers 1, nodes 2, then 6 × (contracts, nodes, supplier) = 20, then a leaf: 21.
        var query = "{ suppliers { nodes { " + string.Concat(Enumerable.Repeat("contracts { nodes { supplier { ", 6)) + "name"
            + new string('}', 3 * 6 + 3);

        // Act
        var (response, body) = await api.CreateClient().PostAsync(query);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("The GraphQL document has an execution depth of 21 which exceeds the max allowed execution depth of 15.", (string?)error["message"]);
        Assert.Equal("MAX_EXECUTION_DEPTH", (string?)error["extensions"]!["code"]);
        Assert.Equal(15, (int)error["extensions"]!["allowedExecutionDepth"]!);
        Assert.Equal(21, (int)error["extensions"]!["detectedExecutionDepth"]!);
    }

    [Fact]
    public async Task The_depth_limit_is_configurable()
    {
        using var shallow = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxDepth", "3"));

        var (response, body) = await shallow.CreateClient().PostAsync("{ suppliers(first: 1) { nodes { contracts(first: 1) { nodes { number } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (int)body["errors"]![0]!["extensions"]!["allowedExecutionDepth"]!);
        Assert.Equal(5, (int)body["errors"]![0]!["extensions"]!["detectedExecutionDepth"]!);
    }

    [Fact]
    public async Task At_most_5_validation_errors_are_returned()
    {
        var (response, body) = await api.CreateClient().PostAsync("{ a1 a2 a3 a4 a5 a6 a7 }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(5, body["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_validation_error_cap_is_configurable()
    {
        using var terse = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxValidationErrors", "1"));

        var (_, body) = await terse.CreateClient().PostAsync("{ a1 a2 a3 }");

        Assert.Single(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task Introspection_is_allowed_in_development()
    {
        var (response, body) = await api.CreateClient().PostAsync("{ __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)body["data"]!["__schema"]!["queryType"]!["name"]);
    }
}
