using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Ide;

public sealed class GraphiQLSettingTests
{
    [Fact]
    public async Task A_setting_that_is_not_a_boolean_stops_the_start_naming_it()
    {
        // Act
        var result = await ApiProcess.RunAsync(
            [],
            ("ASPNETCORE_ENVIRONMENT", "Development"),
            ("Database__DataDirectory", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))),
            ("GraphQL__Ide__Enabled", "sometimes"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("GraphQL:Ide:Enabled must be true or false (it is 'sometimes').", line.Trim());
    }
}
