using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>The development ways in are refused outside Development, and serving needs an Entra app registration.</summary>
public sealed class SecurityStartupTests
{
    [Theory]
    [InlineData("Security__DevelopmentIdentity__Enabled", "Security:DevelopmentIdentity:Enabled is true but the environment is 'Production'")]
    [InlineData("Security__DevelopmentTokens__Enabled", "Security:DevelopmentTokens:Enabled is true but the environment is 'Production'")]
    public async Task Development_ways_in_are_refused_outside_development_with_one_line(string setting, string expected)
    {
        // Act
        var result = await ApiProcess.RunAsync([], (setting, "true"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Security__DevelopmentIdentity__Roles__0", "Reader", "Security:DevelopmentIdentity:Roles: 'Reader' is not an app role")]
    [InlineData("Security__RoleClaimType", " ", "Security:RoleClaimType must not be empty.")]
    [InlineData("Security__RequiredScope", " ", "Security:RequiredScope must not be empty.")]
    public async Task Wrong_security_settings_stop_the_start_naming_the_setting(string setting, string value, string expected)
    {
        // Act
        var result = await ApiProcess.RunAsync([], ("ASPNETCORE_ENVIRONMENT", "Development"), (setting, value));

        // Assert
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_outside_development_without_an_app_registration_stops_with_one_line()
    {
        // Arrange
        var database = TestDatabase.NewPath();
        try
        {
            // Act
            var result = await ApiProcess.RunAsync(
                [],
                ("Database__ConnectionString", TestDatabase.ConnectionString(database)),
                ("Database__SeedOnStart", "false"));

            // Assert
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("AzureAd:TenantId and AzureAd:ClientId are required", line, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabase.Delete(database);
        }
    }

    [Fact]
    public async Task Cli_verbs_do_not_need_an_app_registration()
    {
        // Act
        var result = await ApiProcess.RunAsync(["schema", "export", "--output", "-"]);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("me: Me!", result.StandardOutput, StringComparison.Ordinal);
    }
}
