using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementGraph.Api.Data.DesignTime;
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
}
