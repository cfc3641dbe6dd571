using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>Enforcement of MaxFieldCost / MaxTypeCost (HC0047) and the report / validate modes, without HTTP.</summary>
public sealed class CostLimitTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private const string Expensive = "{ authors(first: 50) { nodes { catalog(first: 50) { nodes { title author { name } } } } } }";

    [Fact]
    public async Task Over_the_field_cost_the_request_is_rejected_before_execution_with_HC0047()
    {
        // Act
        var result = await fixture.ExecuteAsync(Expensive);

        // Assert
        Assert.False(result.Json.TryGetProperty("data", out _), "no data: rejected before execution");
        var error = result.SingleError();
        Assert.Equal("The maximum allowed field cost was exceeded.", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("HC0047", extensions.GetProperty("code").GetString());
        Assert.Equal(2611, extensions.GetProperty("fieldCost").GetDouble());
        Assert.Equal(1000, extensions.GetProperty("maxFieldCost").GetDouble());
        Assert.False(error.TryGetProperty("locations", out _));
    }

    [Fact]
    public async Task Over_the_type_cost_only_the_type_cost_error_is_reported()
    {
        // Arrange: field cost 11, type cost 1002 when root pages count in full.
        await using var host = await TestHost.Library().WithLimits(o => o.Cost.CountedRootPageSize = 1000).StartAsync();

        // Act
        var result = await host.ExecuteAsync("{ books(first: 1000) { nodes { title } } }");

        // Assert
        var error = result.SingleError();
        Assert.Equal("The maximum allowed type cost was exceeded.", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("HC0047", extensions.GetProperty("code").GetString());
        Assert.Equal(1002, extensions.GetProperty("typeCost").GetDouble());
        Assert.Equal(1000, extensions.GetProperty("maxTypeCost").GetDouble());
        Assert.False(extensions.TryGetProperty("fieldCost", out _));
    }

    [Fact]
    public async Task The_limits_are_configurable()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.Cost.MaxFieldCost = 10).StartAsync();

        var result = await host.ExecuteAsync("{ books(first: 5) { nodes { title } } }");

        var extensions = result.SingleError().GetProperty("extensions");
        Assert.Equal(11, extensions.GetProperty("fieldCost").GetDouble());
        Assert.Equal(10, extensions.GetProperty("maxFieldCost").GetDouble());
    }

    [Fact]
    public async Task Without_enforcement_an_expensive_request_executes()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.Cost.Enforce = false).StartAsync();

        var result = await host.ExecuteAsync("{ authors(first: 50) { nodes { catalog(first: 50) { nodes { title } } } } }");

        Assert.Empty(result.Errors);
        Assert.True(result.Json.GetProperty("data").GetProperty("authors").GetProperty("nodes").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Report_executes_and_adds_the_operation_cost()
    {
        // Act
        var result = await fixture.ExecuteAsync("{ books(first: 5) { nodes { title } } }", reporting: CostReporting.Report);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(5, result.Json.GetProperty("data").GetProperty("books").GetProperty("nodes").GetArrayLength());
        var cost = result.Json.GetProperty("extensions").GetProperty("operationCost");
        Assert.Equal(11, cost.GetProperty("fieldCost").GetDouble());
        Assert.Equal(7, cost.GetProperty("typeCost").GetDouble());
    }

    [Fact]
    public async Task Report_on_a_rejected_request_adds_the_operation_cost_to_the_error()
    {
        var result = await fixture.ExecuteAsync(Expensive, reporting: CostReporting.Report);

        Assert.Equal("HC0047", result.SingleError().Code());
        Assert.False(result.Json.TryGetProperty("data", out _));
        Assert.Equal(2611, result.Json.GetProperty("extensions").GetProperty("operationCost").GetProperty("fieldCost").GetDouble());
    }

    [Fact]
    public async Task Validate_answers_the_costs_without_executing_even_over_the_limits()
    {
        // Act
        var result = await fixture.ExecuteAsync(Expensive, reporting: CostReporting.Validate);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("data").ValueKind);
        var cost = result.Json.GetProperty("extensions").GetProperty("operationCost");
        Assert.Equal(2611, cost.GetProperty("fieldCost").GetDouble());
    }

    [Fact]
    public async Task Validate_of_an_invalid_document_answers_its_validation_errors()
    {
        var result = await fixture.ExecuteAsync("{ books { nope } }", reporting: CostReporting.Validate);

        Assert.Single(result.Errors);
        Assert.False(result.Json.TryGetProperty("data", out _));
        Assert.False(result.Json.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task Without_a_report_request_the_response_has_no_cost_extension()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 1) { nodes { title } } }");

        Assert.False(result.Json.TryGetProperty("extensions", out _));
    }
}
