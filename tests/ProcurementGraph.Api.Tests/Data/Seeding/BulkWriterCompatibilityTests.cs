using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>The bulk writer stores exactly what EF's own SaveChanges stores: same SQLite types, same text.</summary>
public class BulkWriterCompatibilityTests
{
    private static readonly SeedSize Tiny = new("tiny", Goals: 12, Categories: 30, BusinessUnits: 12, Suppliers: 40, Contracts: 80, Ratings: 200);

    private static readonly string[] Tables =
        ["StrategicGoals", "Categories", "GoalCategories", "BusinessUnits", "ValueDrivers", "Suppliers", "CategorySuppliers", "Contracts", "StakeholderRatings"];

    [Fact]
    public async Task Bulk_written_rows_equal_rows_written_by_ef_save_changes()
    {
        using var viaEf = new SeedTestDatabase();
        using var viaBulk = new SeedTestDatabase();
        await using (var db = viaEf.CreateContext())
        {
            var generator = new SeedDataGenerator(Tiny, SeedTestDatabase.ReferenceDate);
            db.AddRange(generator.Goals());
            db.AddRange(generator.Categories());
            db.AddRange(generator.GoalCategories());
            db.AddRange(generator.BusinessUnits());
            db.AddRange(generator.ValueDrivers());
            db.AddRange(generator.Suppliers());
            db.AddRange(generator.CategorySuppliers());
            db.AddRange(generator.Contracts());
            db.AddRange(generator.Ratings());
            await db.SaveChangesAsync();
        }

        var report = await viaBulk.SeedAsync(Tiny);
        Assert.Equal(200, report.RowsIn("StakeholderRatings"));

        await using var efDb = viaEf.CreateContext();
        await using var bulkDb = viaBulk.CreateContext();
        foreach (var table in Tables)
        {
            var expected = await RawRowsAsync(efDb, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await RawRowsAsync(bulkDb, table));
        }
    }

    /// <summary>Every row as "column:stored-type:value|...", sorted, straight from SQLite (the type follows the value's storage class).</summary>
    private static async Task<List<string>> RawRowsAsync(ProcurementDbContext db, string table)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)}:{reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}");
            rows.Add(string.Join('|', cells));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
