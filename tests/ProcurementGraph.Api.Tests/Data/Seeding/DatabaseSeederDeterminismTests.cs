using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>Seeding the demo twice, into two databases, stores the same data.</summary>
public class DatabaseSeederDeterminismTests
{
    [Fact]
    public async Task Two_databases_seeded_alike_hold_the_same_rows()
    {
        using var first = new SeedTestDatabase();
        using var second = new SeedTestDatabase();
        var firstReport = await first.SeedAsync();
        var secondReport = await second.SeedAsync();

        Assert.Equal(firstReport.Tables.Select(t => (t.Table, t.Rows)), secondReport.Tables.Select(t => (t.Table, t.Rows)));
        await using var a = first.CreateContext();
        await using var b = second.CreateContext();
        Assert.Equal(await SamplesAsync(a), await SamplesAsync(b));
    }

    private static async Task<List<string>> SamplesAsync(ProcurementDbContext db)
    {
        int[] supplierIds = [1, 250, 500];
        int[] ratingIds = [1, 2, 3, 4_999, 10_000];
        var samples = new List<string>();
        samples.AddRange(EntityText.Of(await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync()));
        samples.AddRange(EntityText.Of(await db.Contracts.AsNoTracking().Where(c => c.Number == "CT-000777").ToListAsync()));
        samples.AddRange(EntityText.Of(await db.StakeholderRatings.AsNoTracking().Where(r => ratingIds.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync()));
        samples.AddRange(EntityText.Of(await db.ValueDrivers.AsNoTracking().OrderBy(d => d.BusinessUnitId).ThenBy(d => d.Position).ToListAsync()));
        samples.AddRange(EntityText.Of(await db.Categories.AsNoTracking().OrderBy(c => c.Id).ToListAsync()));
        samples.AddRange(EntityText.Of(await db.StrategicGoals.AsNoTracking().OrderBy(g => g.Id).ToListAsync()));
        samples.AddRange(EntityText.Of(await db.CategorySuppliers.AsNoTracking().Where(l => l.SupplierId == 250).OrderBy(l => l.CategoryId).ToListAsync()));
        Assert.Equal(3 + 1 + 5 + 60 + 12, samples.Count(s => s.StartsWith("Id=", StringComparison.Ordinal)));
        return samples;
    }
}
