using ProcurementGraph.Api.Data.Lifecycle;
using System.Diagnostics;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Cli;

/// <summary><c>seed --size demo|large [--reset]</c>: migrates, then fills the database with deterministic data.</summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CliOptions(args);
        var sizeText = options.Value("--size") ?? "demo";
        if (!SeedSize.TryParse(sizeText, out var size))
        {
            throw new CliUsageException($"--size '{sizeText}' is not supported; use demo or large.");
        }

        var reset = options.Flag("--reset");
        await using var app = CliCommand.BuildHost(options.Rest);
        await app.Services.PrepareDatabaseAsync(Console.Out, migrate: true, seed: false, CancellationToken.None).ConfigureAwait(false);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        var clock = Stopwatch.StartNew();
        var report = await DatabaseSeeder.SeedAsync(db, size, DateOnly.FromDateTime(DateTime.UtcNow), reset, Console.Out, CancellationToken.None)
            .ConfigureAwait(false);
        if (report.Skipped)
        {
            await Console.Out.WriteLineAsync("The database already holds data; nothing was seeded (use --reset to replace it).").ConfigureAwait(false);
        }

        foreach (var table in report.Tables)
        {
            await Console.Out.WriteLineAsync(FormattableString.Invariant($"{table.Table,-20} {table.Rows,12:N0}")).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:F1} s.").ConfigureAwait(false);
        return 0;
    }
}
