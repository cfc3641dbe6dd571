using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// Temporary SQLite databases for tests. The demo data is generated once per test run into a
/// template file (migrations + the deterministic generator); each test class gets its own copy.
/// </summary>
public static class TestDatabase
{
    /// <summary>The fixed reference date of the test data, so dates and snapshots never move.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 6, 30);

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>A fresh copy of the seeded demo database; the caller deletes its folder.</summary>
    public static async Task<string> CopyDemoAsync()
    {
        var template = await Template.Value.ConfigureAwait(false);
        var path = NewPath();
        File.Copy(template, path);
        return path;
    }

    public static string NewPath()
    {
        var directory = Path.Combine(Path.GetTempPath(), "procurementgraph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, "procurement.db");
    }

    public static string ConnectionString(string path) => $"Data Source={path};Pooling=False";

    public static SqliteProcurementDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteProcurementDbContext>().UseSqlite(ConnectionString(path)).Options);

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var path = NewPath();
        await using var db = Open(path);
        await db.Database.MigrateAsync().ConfigureAwait(false);
        await DatabaseSeeder.SeedAsync(db, SeedSize.Demo, ReferenceDate, reset: false, TextWriter.Null, CancellationToken.None).ConfigureAwait(false);
        return path;
    }
}
