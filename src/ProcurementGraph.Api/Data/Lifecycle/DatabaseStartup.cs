using ProcurementGraph.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Data.Lifecycle;

/// <summary>
/// What the first start does before serving: validate the configuration, reach the database,
/// apply migrations and seed the demo data once. Every failure is a <see cref="StartupException"/>
/// whose one-line message names the setting to fix.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>Prepares the database as configured (<c>Database:MigrateOnStart</c>, <c>Database:SeedOnStart</c>).</summary>
    public static Task PrepareDatabaseAsync(this IServiceProvider services, TextWriter log, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<DatabaseSettings>().Options;
        return services.PrepareDatabaseAsync(log, options.MigrateOnStart, options.SeedOnStart, cancellationToken);
    }

    public static async Task PrepareDatabaseAsync(this IServiceProvider services, TextWriter log, bool migrate, bool seed, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.SqliteFile is { } file)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var setting = string.IsNullOrWhiteSpace(settings.Options.ConnectionString) ? "Database:DataDirectory" : "Database:ConnectionString";
                throw new StartupException($"{setting}: cannot create the folder of the SQLite file '{file}': {e.Message}", e);
            }

            await log.WriteLineAsync($"SQLite database: {file}").ConfigureAwait(false);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        await EnsureReachableAsync(db, settings, cancellationToken).ConfigureAwait(false);

        if (migrate)
        {
            // MigrateAsync also diffs the model against the migrations' snapshot (about 2 s here): only when something is pending.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            if (settings.SqliteFile is not null)
            {
                // WAL lets readers run while a writer writes; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }

        if (seed)
        {
            if (!SeedSize.TryParse(settings.Options.SeedSize, out var size))
            {
                throw new StartupException($"Database:SeedSize '{settings.Options.SeedSize}' is not supported; use 'demo' or 'large'.");
            }

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await DatabaseSeeder.SeedAsync(db, size, today, reset: false, log, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EnsureReachableAsync(ProcurementDbContext db, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.Options.StartupTimeoutSeconds));
        try
        {
            // Through EF (not the raw connection), so connection interceptors see it as they see every query's.
            await db.Database.OpenConnectionAsync(timeout.Token).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {settings.Options.StartupTimeoutSeconds} s" : e.Message;
            throw new StartupException($"Database:ConnectionString: cannot reach the {settings.Provider} database ({FirstLine(reason)}).", e);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
