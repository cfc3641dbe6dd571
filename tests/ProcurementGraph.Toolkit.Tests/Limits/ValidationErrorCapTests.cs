using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>At most MaxValidationErrors (5) errors per request, as HotChocolate.</summary>
public sealed class ValidationErrorCapTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private const string EightUnknownFields = "{ a1 a2 a3 a4 a5 a6 a7 a8 }";

    [Fact]
    public async Task Validation_errors_are_capped_at_5()
    {
        var result = await fixture.ExecuteAsync(EightUnknownFields);

        Assert.Equal(5, result.Errors.Count);
        Assert.Contains("a1", result.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(result.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task The_cap_is_configurable()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.MaxValidationErrors = 2).StartAsync();

        var result = await host.ExecuteAsync(EightUnknownFields);

        Assert.Equal(2, result.Errors.Count);
    }
}
