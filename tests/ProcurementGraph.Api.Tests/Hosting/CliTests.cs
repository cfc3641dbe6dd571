using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hosting;

public sealed class CliTests
{
    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var result = await ApiProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("migrate", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("seed --size demo|large [--reset]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("schema export [--output PATH]", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_verb_is_a_usage_error()
    {
        var result = await ApiProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_refuses_an_unknown_size()
    {
        var result = await ApiProcess.RunAsync(["seed", "--size", "huge"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--size 'huge' is not supported", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_export_prints_the_committed_contract()
    {
        var result = await ApiProcess.RunAsync(["schema", "export", "--output", "-"]);

        Assert.Equal(0, result.ExitCode);
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql"));
        Assert.Equal(committed.ReplaceLineEndings("\n"), result.StandardOutput);
    }

    [Fact]
    public async Task Migrate_then_seed_then_seed_again_fills_once()
    {
        var path = TestDatabase.NewPath();
        try
        {
            var connection = ("Database__ConnectionString", TestDatabase.ConnectionString(path));

            var migrate = await ApiProcess.RunAsync(["migrate"], connection);
            var seed = await ApiProcess.RunAsync(["seed", "--size", "demo"], connection);
            var again = await ApiProcess.RunAsync(["seed", "--size", "demo"], connection);
            var reset = await ApiProcess.RunAsync(["seed", "--size", "demo", "--reset"], connection);

            Assert.Equal(0, migrate.ExitCode);
            Assert.Contains("up to date", migrate.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(0, seed.ExitCode);
            Assert.Contains("500", seed.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(0, again.ExitCode);
            Assert.Equal(0, reset.ExitCode);
            await using var db = TestDatabase.Open(path);
            Assert.Equal(500, db.Suppliers.Count());
            Assert.Equal(2000, db.Contracts.Count());
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }
}
