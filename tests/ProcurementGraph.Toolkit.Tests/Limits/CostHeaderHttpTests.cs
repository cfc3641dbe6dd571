using System.Net;
using System.Text;
using System.Text.Json;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.Transport;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>The limits behind the HTTP endpoint: the <c>GraphQL-Cost</c> header and the status codes.</summary>
public sealed class CostHeaderHttpTests : IAsyncLifetime
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    private TestHost<TransportTestSchema> _host = null!;

    public async Task InitializeAsync() =>
        // `{ hello }` costs 10 (a root field), so a MaxFieldCost of 15 lets one through and rejects two.
        _host = await TestHost.For<TransportTestSchema>()
            .WithHttp()
            .WithFlatErrors()
            .WithLimits(o =>
            {
                o.Cost.MaxFieldCost = 15;
                o.MaxExecutionDepth = 2;
            })
            .StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("report")]
    [InlineData("REPORT")]
    public async Task Report_header_executes_and_adds_the_operation_cost(string header)
    {
        // Act
        var response = await PostAsync("{ hello }", header, GraphQLResponseJson);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        var cost = response.Json.GetProperty("extensions").GetProperty("operationCost");
        Assert.Equal(10, cost.GetProperty("fieldCost").GetDouble());
        Assert.Equal(1, cost.GetProperty("typeCost").GetDouble());
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Validate_header_answers_200_with_the_costs_and_executes_nothing(string accept)
    {
        // Act: a mutation, so that an execution would show.
        var response = await PostAsync("mutation { setGreeting(text: \"x\") }", "validate", accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Empty(response.Errors);
        Assert.Equal(10, response.Json.GetProperty("extensions").GetProperty("operationCost").GetProperty("fieldCost").GetDouble());
        Assert.Equal(0, _host.Schema.MutationExecutions);
    }

    [Fact]
    public async Task Over_the_cost_limit_is_400_without_data_under_graphql_response_json()
    {
        // Act
        var response = await PostAsync("{ hello again: hello }", null, GraphQLResponseJson);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.HasData);
        Assert.Equal(LimitErrorCodes.CostExceeded, response.SingleErrorCode);
        var extensions = response.Errors[0].GetProperty("extensions");
        Assert.Equal(20, extensions.GetProperty("fieldCost").GetDouble());
        Assert.Equal(15, extensions.GetProperty("maxFieldCost").GetDouble());
        Assert.False(response.Json.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task Over_the_cost_limit_is_200_under_legacy_json()
    {
        var response = await PostAsync("{ hello again: hello }", null, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LimitErrorCodes.CostExceeded, response.SingleErrorCode);
    }

    [Fact]
    public async Task Report_header_on_a_rejected_request_adds_the_costs()
    {
        var response = await PostAsync("{ hello again: hello }", "report", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(20, response.Json.GetProperty("extensions").GetProperty("operationCost").GetProperty("fieldCost").GetDouble());
    }

    [Fact]
    public async Task Unknown_header_values_are_ignored()
    {
        var response = await PostAsync("{ hello }", "everything", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Json.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task Too_deep_is_400_over_post_and_get()
    {
        // Depth 3 over a limit of 2 (the anonymous introspection is refused as well: both errors, before execution).
        var post = await PostAsync("{ __schema { types { name } } }", null, GraphQLResponseJson);
        var get = await _host.GetAsync(TestHost.QueryString(("query", "{ __schema { types { name } } }")), GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains(post.Errors, e => e.GetProperty("extensions").GetProperty("code").GetString() == LimitErrorCodes.MaxExecutionDepth);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Contains(get.Errors, e => e.GetProperty("extensions").GetProperty("code").GetString() == LimitErrorCodes.MaxExecutionDepth);
    }

    [Fact]
    public async Task Anonymous_introspection_is_400_with_HC0046()
    {
        var response = await PostAsync("{ __type(name: \"Query\") { name } }", null, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(LimitErrorCodes.IntrospectionNotAllowed, response.SingleErrorCode);
    }

    private async Task<GraphQLHttpTestResponse> PostAsync(string query, string? costHeader, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (costHeader is not null)
        {
            request.Headers.Add(CostRequest.HeaderName, costHeader);
        }

        return await _host.SendAsync(request, accept);
    }
}
