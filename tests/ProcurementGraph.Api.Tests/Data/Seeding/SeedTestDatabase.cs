using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Data.Seeding;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>A migrated, empty SQLite database in its own temporary file (see <see cref="TestDatabase"/>), deleted on dispose.</summary>
public sealed class SeedTestDatabase : IDisposable
{
    /// <summary>The fixed "today" the seeding tests generate data for: the test kit's reference date.</summary>
    public static readonly DateOnly ReferenceDate = TestDatabase.ReferenceDate;

    public SeedTestDatabase()
    {
        FilePath = TestDatabase.NewPath();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string FilePath { get; }

    public SqliteProcurementDbContext CreateContext() => TestDatabase.Open(FilePath);

    public async Task<SeedReport> SeedAsync(SeedSize? size = null, bool reset = false, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        return await DatabaseSeeder.SeedAsync(db, size ?? SeedSize.Demo, ReferenceDate, reset, progress ?? TextWriter.Null, cancellationToken);
    }

    public void Dispose() => TestDatabase.Delete(FilePath);
}
