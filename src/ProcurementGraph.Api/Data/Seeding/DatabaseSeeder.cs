using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Rollups;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// Fills a migrated database with generated data (see <see cref="SeedDataGenerator"/>) using
/// provider bulk inserts in a single transaction: either every table is seeded or none is.
/// </summary>
public static class DatabaseSeeder
{
    /// <summary>Child tables first: the order rows are deleted in on reset (inserts run in reverse).</summary>
    private static readonly Type[] DeleteOrder =
    [
        typeof(StakeholderRating), typeof(Contract), typeof(CategorySupplier), typeof(GoalCategory), typeof(ValueDriver),
        typeof(Supplier), typeof(Category), typeof(BusinessUnit), typeof(StrategicGoal),
    ];

    /// <summary>True when the database already holds suppliers (cheap: one indexed EXISTS).</summary>
    public static Task<bool> IsSeededAsync(ProcurementDbContext db, CancellationToken cancellationToken) =>
        db.Suppliers.AnyAsync(cancellationToken);

    /// <summary>
    /// Seeds the database. With <paramref name="reset"/> every row of the procurement tables is
    /// deleted first; without it, a database that already holds suppliers is left alone and the
    /// report says it was skipped. Progress lines go to <paramref name="progress"/>.
    /// </summary>
    /// <param name="db">A context on a database whose schema has been migrated.</param>
    /// <param name="size">How much data to generate.</param>
    /// <param name="referenceDate">"Today" for the generated data (the application passes the current date).</param>
    /// <param name="reset">Delete all existing rows first.</param>
    /// <param name="progress">Receives progress lines.</param>
    /// <param name="cancellationToken">Cancels the seeding; nothing is committed then.</param>
    public static async Task<SeedReport> SeedAsync(
        ProcurementDbContext db, SeedSize size, DateOnly referenceDate, bool reset, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!reset && await IsSeededAsync(db, cancellationToken).ConfigureAwait(false))
            {
                await progress.WriteLineAsync("Seeding skipped: the database already holds suppliers.").ConfigureAwait(false);
                return new SeedReport(size, Skipped: true, [], clock.Elapsed);
            }

            await progress.WriteLineAsync(Line($"Seeding '{size.Name}' data (reference date {referenceDate:yyyy-MM-dd}{(reset ? ", reset" : string.Empty)})...")).ConfigureAwait(false);
            var generator = new SeedDataGenerator(size, referenceDate);
            var tables = new List<SeededTable>();
            await using var writer = BulkTableWriter.For(db);
            await writer.BeginAsync(cancellationToken).ConfigureAwait(false);

            // The rollup triggers (RollupSql, AnalyticsRollupSql) would adjust their rows once per seeded row: SQLite's are dropped for the load and
            // recreated in the same transaction; SQL Server's bulk copy fires none. Either way the rollups are rebuilt from the rows.
            var sqlServer = db.Database.IsSqlServer();
            if (!sqlServer)
            {
                await writer.ExecuteAsync([.. RollupSql.SqliteDrop(), .. AnalyticsRollupSql.SqliteDrop()], cancellationToken).ConfigureAwait(false);
            }

            if (reset)
            {
                foreach (var type in DeleteOrder)
                {
                    await writer.DeleteAllAsync(EntityTableMap.For(db, type), cancellationToken).ConfigureAwait(false);
                }

                await progress.WriteLineAsync(Line($"  Existing rows deleted ({clock.Elapsed.TotalSeconds:F2} s)")).ConfigureAwait(false);
            }

            tables.Add(await InsertAsync(db, writer, generator.Goals(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.Categories(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.GoalCategories(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.BusinessUnits(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.ValueDrivers(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.Suppliers(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.CategorySuppliers(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.Contracts(), progress, cancellationToken).ConfigureAwait(false));
            tables.Add(await InsertAsync(db, writer, generator.Ratings(), progress, cancellationToken).ConfigureAwait(false));
            await writer.ExecuteAsync(sqlServer
                ? [.. RollupSql.Rebuild(sqlServer), .. AnalyticsRollupSql.Rebuild()]
                : [.. RollupSql.SqliteCreate(), .. RollupSql.Rebuild(sqlServer), .. AnalyticsRollupSql.SqliteCreate(), .. AnalyticsRollupSql.Rebuild()], cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);

            var report = new SeedReport(size, Skipped: false, tables, clock.Elapsed);
            await progress.WriteLineAsync(Line($"Seeded {report.TotalRows:N0} rows in {report.Elapsed.TotalSeconds:F2} s.")).ConfigureAwait(false);
            return report;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task<SeededTable> InsertAsync<T>(ProcurementDbContext db, IBulkTableWriter writer, IEnumerable<T> rows, TextWriter output, CancellationToken cancellationToken)
        where T : class
    {
        var table = EntityTableMap.For<T>(db);
        var progress = new BulkProgress(output, table.Name);
        var count = await writer.InsertAsync(table, rows, progress, cancellationToken).ConfigureAwait(false);
        await progress.CompletedAsync().ConfigureAwait(false);
        return new SeededTable(table.Name, count, progress.Elapsed);
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
