using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Seeding;

/// <summary>A migrated SQLite database in its own temporary file, deleted on dispose.</summary>
public sealed class SeedTestDatabase : IDisposable
{
    /// <summary>The fixed "today" the seeding tests generate data for.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 7, 15);

    public SeedTestDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"procurementgraph-seed-{Guid.NewGuid():N}.db");
        using var db = CreateContext();
        CreateSchema(db);
    }

    public string FilePath { get; }

    public SqliteProcurementDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteProcurementDbContext>().UseSqlite("Data Source=" + FilePath).Options);

    public async Task<SeedReport> SeedAsync(SeedSize? size = null, bool reset = false, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        return await DatabaseSeeder.SeedAsync(db, size ?? SeedSize.Demo, ReferenceDate, reset, progress ?? TextWriter.Null, cancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(FilePath + suffix);
        }
    }

    // Migrations are the real schema; until they exist the model is created directly.
    private static void CreateSchema(DbContext db)
    {
        if (db.Database.GetMigrations().Any())
        {
            db.Database.Migrate();
        }
        else
        {
            db.Database.EnsureCreated();
        }
    }
}
