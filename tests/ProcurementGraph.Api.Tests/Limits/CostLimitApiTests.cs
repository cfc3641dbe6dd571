using System.Net;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>Cost analysis on HotChocolate's model through /graphql: the defaults, the BI page, HC0047, the GraphQL-Cost header.</summary>
public sealed class CostLimitApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // suppliers @cost 10 + nodes 1 + 50 × (contracts 1 + nodes 1 + 50 × category 1) = 2611
    private const string NestedPages = "{ suppliers(first: 50) { nodes { name contracts(first: 50) { nodes { number category { name } } } } } }";

    [Fact]
    public async Task A_bi_sized_root_page_is_allowed_by_default()
    {
        // Act
        var (response, body) = await api.CreateClient().PostAsync("{ contracts(first: 1000) { nodes { number supplier { name } } } }", cost: "report");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Equal(1000, body["data"]!["contracts"]!["nodes"]!.AsArray().Count);
        // The root page counts as 50 items: contracts 10 + nodes 1 + 50 × supplier 1; types 1 + 50 × 2 + 1.
        Assert.Equal(61, (double)body["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(102, (double)body["extensions"]!["operationCost"]!["typeCost"]!);
    }

    [Fact]
    public async Task Nested_pages_over_the_field_cost_are_rejected_before_execution_with_HC0047_and_400()
    {
        // Arrange
        var client = api.CreateClient();
        api.Sql.Reset();

        // Act
        var (response, body) = await client.PostAsync(NestedPages);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("The maximum allowed field cost was exceeded.", (string?)error["message"]);
        Assert.Equal("HC0047", (string?)error["extensions"]!["code"]);
        Assert.Equal(2611, (double)error["extensions"]!["fieldCost"]!);
        Assert.Equal(1000, (double)error["extensions"]!["maxFieldCost"]!);
        Assert.Equal(0, api.Sql.Count);
    }

    [Fact]
    public async Task Legacy_json_callers_get_the_same_error_with_200()
    {
        var (response, body) = await api.CreateClient().PostAsync(NestedPages, accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HC0047", body.Code());
    }

    [Fact]
    public async Task Validate_reports_the_costs_without_executing()
    {
        // Act
        var (response, body) = await api.CreateClient().PostAsync(NestedPages, cost: "validate");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Null(body["data"]);
        Assert.Equal(2611, (double)body["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    [Fact]
    public async Task Report_on_a_rejected_request_adds_the_costs_to_the_error_response()
    {
        var (response, body) = await api.CreateClient().PostAsync(NestedPages, cost: "report");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("HC0047", body.Code());
        Assert.Equal(2611, (double)body["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    [Fact]
    public async Task The_limits_are_configurable()
    {
        // Arrange
        using var strict = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Cost:MaxTypeCost", "50"));

        // Act: 1 + 50 × (Contract 1 + Supplier 1) + 1 = 102 over 50.
        var (response, body) = await strict.CreateClient().PostAsync("{ contracts(first: 1000) { nodes { number supplier { name } } } }");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The maximum allowed type cost was exceeded.", (string?)body["errors"]![0]!["message"]);
        Assert.Equal(102, (double)body["errors"]![0]!["extensions"]!["typeCost"]!);
        Assert.Equal(50, (double)body["errors"]![0]!["extensions"]!["maxTypeCost"]!);
    }

    [Fact]
    public async Task Enforcement_can_be_switched_off()
    {
        using var lenient = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Cost:Enforce", "false"));

        var (response, body) = await lenient.CreateClient().PostAsync("{ suppliers(first: 30) { nodes { contracts(first: 50) { nodes { number category { name } } } } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
    }

    [Fact]
    public void The_served_schema_declares_and_applies_the_cost_directives()
    {
        var sdl = SchemaSdl.Print(api.Services.GetRequiredService<ISchema>());

        Assert.Contains("directive @cost(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @listSize(", sdl, StringComparison.Ordinal);
        Assert.Contains(
            "order: [ContractSortInput!] @cost(weight: \"10\")): ContractsConnection @listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], "
            + "slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false) @cost(weight: \"10\")",
            sdl, StringComparison.Ordinal);
        Assert.Contains("totalCount: Int! @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
        Assert.Contains("contains: String @cost(weight: \"20\")", sdl, StringComparison.Ordinal);
        Assert.Contains("me: Me! @cost(weight: \"10\")", sdl, StringComparison.Ordinal);
    }
}
