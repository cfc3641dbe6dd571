using ProcurementGraph.Api.Data.Lifecycle;
using ProcurementGraph.Api.Hosting;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hosting;

public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task SqlServer_without_a_connection_string_exits_naming_the_setting_before_connecting()
    {
        var result = await ApiProcess.RunAsync([], ("Database__Provider", "SqlServer"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Database:ConnectionString", line, StringComparison.Ordinal);
        // The settings are checked before any connection is tried: the one line is the setting's, not a failed connect.
        Assert.DoesNotContain("cannot reach", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_exits_naming_the_setting()
    {
        var result = await ApiProcess.RunAsync([], ("Database__Provider", "Oracle"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database:Provider 'Oracle' is not supported", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_stops_the_start_with_one_line()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "no", "such.db");
        var result = await ApiProcess.RunAsync([], ("Database__ConnectionString", $"Data Source={missingFolder};Mode=ReadOnly"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Database:ConnectionString: cannot reach the Sqlite database", result.StandardError.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_sql_server_stops_the_start_with_one_line()
    {
        var result = await ApiProcess.RunAsync(
            [],
            ("Database__Provider", "SqlServer"),
            ("Database__ConnectionString", "Server=127.0.0.1,1;Database=ProcurementGraph;User Id=a;Password=b;Connect Timeout=3;TrustServerCertificate=true"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Database:ConnectionString: cannot reach the SqlServer database", line, StringComparison.Ordinal);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(20), $"took {result.Elapsed}");
    }

    [Theory]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    public void Provider_names_are_case_insensitive(string name, DatabaseProvider expected)
    {
        var settings = DatabaseSettings.From(new DatabaseOptions { Provider = name, ConnectionString = "Data Source=x" }, "/tmp");

        Assert.Equal(expected, settings.Provider);
    }

    [Fact]
    public void Sqlite_defaults_to_a_file_in_the_data_folder()
    {
        var settings = DatabaseSettings.From(new DatabaseOptions(), "/srv/app");

        Assert.Equal("/srv/app/data/procurement.db", settings.SqliteFile);
    }

    [Fact]
    public void Numeric_provider_values_are_refused()
    {
        Assert.Throws<StartupException>(() => DatabaseSettings.From(new DatabaseOptions { Provider = "1" }, "/tmp"));
    }
}
