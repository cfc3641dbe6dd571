using ProcurementGraph.Api.Data.Lifecycle;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;

namespace ProcurementGraph.Api.Cli;

/// <summary><c>migrate</c>: applies pending migrations of the configured provider.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = CliCommand.BuildHost(args);
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        await app.Services.PrepareDatabaseAsync(Console.Out, migrate: true, seed: false, CancellationToken.None).ConfigureAwait(false);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        var applied = await db.Database.GetAppliedMigrationsAsync().ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"{settings.Provider} database is up to date ({applied.Count()} migrations applied).").ConfigureAwait(false);
        return 0;
    }
}
