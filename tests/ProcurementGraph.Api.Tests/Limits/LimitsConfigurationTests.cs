using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>A wrong limit stops the start with one line naming the setting.</summary>
public sealed class LimitsConfigurationTests
{
    [Theory]
    [InlineData("GraphQL__MaxDepth", "0", "GraphQL:MaxDepth")]
    [InlineData("GraphQL__Cost__MaxFieldCost", "lots", "GraphQL:Cost:MaxFieldCost")]
    [InlineData("GraphQL__Cost__Enforce", "maybe", "GraphQL:Cost:Enforce")]
    public async Task A_wrong_limit_exits_naming_the_setting(string variable, string value, string setting)
    {
        var result = await ApiProcess.RunAsync(["schema", "export", "--output", "-"], (variable, value));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(setting, line, StringComparison.Ordinal);
    }
}
