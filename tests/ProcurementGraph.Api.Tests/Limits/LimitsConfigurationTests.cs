using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>A wrong limit stops the start with one line naming the setting.</summary>
public sealed class LimitsConfigurationTests
{
    [Theory]
    [InlineData("GraphQL__MaxDepth", "0", "GraphQL:MaxDepth")]
    [InlineData("GraphQL__Cost__MaxFieldCost", "lots", "GraphQL:Cost:MaxFieldCost")]
    [InlineData("GraphQL__Cost__Enforce", "maybe", "GraphQL:Cost:Enforce")]
    [InlineData("GraphQL__Document__MaxTokens", "0", "GraphQL:Document:MaxTokens")]
    [InlineData("GraphQL__Document__MaxFields", "many", "GraphQL:Document:MaxFields")]
    [InlineData("GraphQL__Document__MaxExpandedFields", "-5", "GraphQL:Document:MaxExpandedFields")]
    [InlineData("GraphQL__Document__MaxFragments", "0", "GraphQL:Document:MaxFragments")]
    [InlineData("GraphQL__Document__MaxFragmentSpreads", "0", "GraphQL:Document:MaxFragmentSpreads")]
    [InlineData("GraphQL__Document__MaxOperations", "0", "GraphQL:Document:MaxOperations")]
    [InlineData("GraphQL__Document__MaxAliases", "0", "GraphQL:Document:MaxAliases")]
    [InlineData("GraphQL__Document__MaxDirectives", "0", "GraphQL:Document:MaxDirectives")]
    public async Task A_wrong_limit_exits_naming_the_setting(string variable, string value, string setting)
    {
        var result = await ApiProcess.RunAsync(["schema", "export", "--output", "-"], (variable, value));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(setting, line, StringComparison.Ordinal);
    }
}
