using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using System.Text.RegularExpressions;
using ProcurementGraph.Api.Data.DesignTime;
using ProcurementGraph.Api.Data.Performance;
using ProcurementGraph.Api.Data.Rollups;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_pending_changes()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/ProcurementGraph.Api --context SqliteProcurementDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServer_model_has_no_pending_changes()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/ProcurementGraph.Api --context SqlServerProcurementDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void SqlServer_idempotent_migration_script_parses_without_errors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var errors = TSql.Parse(script);

        Assert.Contains("CREATE TABLE [Suppliers]", script, StringComparison.Ordinal);
        Assert.Contains("CHECK", script, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public void ScriptDom_check_fails_on_broken_sql()
    {
        Assert.NotEmpty(TSql.Parse("SELECT * FROM [Suppliers] LIMIT 10"));
    }

    [Fact]
    public async Task Sqlite_migrations_create_a_case_insensitive_schema_with_constraints()
    {
        var path = TestDatabase.NewPath();
        try
        {
            await using var db = TestDatabase.Open(path);
            await db.Database.MigrateAsync();

            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO BusinessUnits (Code, Name, Region, HeadName) VALUES ('BU-1', 'Sales', 'EMEA', 'Ada');
                """);
            var duplicate = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO BusinessUnits (Code, Name, Region, HeadName) VALUES ('bu-1', 'Other', 'EMEA', 'Bob');"));
            var badWeight = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO ValueDrivers (BusinessUnitId, Driver, Weight, Position) VALUES (1, 1, '1.5', 0);"));

            Assert.Contains("UNIQUE", duplicate.Message, StringComparison.Ordinal);
            Assert.Contains("CHECK", badWeight.Message, StringComparison.Ordinal);
            Assert.Equal(1, await db.BusinessUnits.CountAsync(b => b.Code == "bu-1"));
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    /// <summary>
    /// The contracts' derived columns are typed INTEGER generated columns (not EF Core's untyped <c>X AS (...)</c>, which the
    /// bundled SQLite recomputes from the table row instead of reading the covering index), the index serves the group-by
    /// over category and start quarter alone, and their values are the exact cents and quarters.
    /// </summary>
    [Fact]
    public async Task Sqlite_derived_contract_columns_are_typed_and_covered_by_the_group_by_index()
    {
        var path = await TestDatabase.CopyDemoAsync();
        try
        {
            await using var db = TestDatabase.Open(path);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();

            var types = await Query(connection, "SELECT name, type FROM pragma_table_xinfo('Contracts') WHERE name IN ('StartQuarter', 'AnnualValueCents', 'AnnualSavingsCents', 'TotalValueCents', 'BaselineAnnualCostCents') ORDER BY name");
            var plan = await Query(connection, "EXPLAIN QUERY PLAN SELECT CategoryId, StartQuarter, COUNT(*), SUM(AnnualValueCents), SUM(AnnualSavingsCents) FROM Contracts GROUP BY CategoryId, StartQuarter");
            var wrong = await Query(connection, """
                SELECT COUNT(*) FROM Contracts WHERE AnnualValueCents != CAST(round(CAST(AnnualValue AS REAL) * 100) AS INTEGER)
                   OR AnnualSavingsCents != CAST(round(CAST(BaselineAnnualCost AS REAL) * 100) AS INTEGER) - CAST(round(CAST(AnnualValue AS REAL) * 100) AS INTEGER)
                   OR StartQuarter != CAST(strftime('%Y', StartDate) AS INTEGER) * 10 + (CAST(strftime('%m', StartDate) AS INTEGER) + 2) / 3
                """);

            Assert.Equal(["AnnualSavingsCents INTEGER", "AnnualValueCents INTEGER", "BaselineAnnualCostCents INTEGER", "StartQuarter INTEGER", "TotalValueCents INTEGER"], types);
            Assert.Contains(plan, p => p.Contains("COVERING INDEX IX_Contracts_CategoryId_StartQuarter_AnnualValueCents_AnnualSavingsCents", StringComparison.Ordinal)
                || p.Contains("USING INDEX IX_Contracts_CategoryId_StartQuarter_AnnualValueCents_AnnualSavingsCents", StringComparison.Ordinal));
            Assert.Equal(["0"], wrong);
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    /// <summary>
    /// The rollups are kept by triggers: a later migration that rebuilds a watched table (SQLite's table rebuild) or a seeder
    /// that drops them and forgets one would leave the figures silently stale. Every trigger the code creates must exist in a
    /// migrated and seeded database, on its table, and no other.
    /// </summary>
    [Fact]
    public async Task Sqlite_database_has_every_rollup_trigger_the_code_creates()
    {
        var created = RollupSql.SqliteCreate().Concat(PerformanceSql.SqliteUp).Concat(AnalyticsRollupSql.SqliteCreate())
            .SelectMany(sql => Regex.Matches(sql, "CREATE TRIGGER\\s+(?:IF NOT EXISTS\\s+)?\"?(\\w+)\"?\\s+(?:AFTER|BEFORE)\\s+\\w+(?:\\s+OF\\s+[^\\n]+?)?\\s+ON\\s+\"?(\\w+)\"?", RegexOptions.IgnoreCase))
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var path = await TestDatabase.CopyDemoAsync();
        try
        {
            await using var db = TestDatabase.Open(path);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var present = await Query(connection, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

            Assert.True(created.Count >= 10, $"found {created.Count} CREATE TRIGGER statements: {string.Join(", ", created)}");
            Assert.Equal(created, present.Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    private static async Task<List<string>> Query(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return rows;
    }
}
