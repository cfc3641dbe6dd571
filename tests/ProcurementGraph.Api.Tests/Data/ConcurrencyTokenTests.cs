using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementGraph.Api.Data.DesignTime;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The version of every versioned entity: SQL Server's <c>rowversion</c> (database-generated), SQLite's application-managed
/// token of 8 bytes renewed on every insert and update, also by set-based updates (<see cref="ConcurrencyTokens.ExecuteVersionedUpdateAsync"/>).
/// </summary>
public sealed class ConcurrencyTokenTests
{
    private static readonly string[] VersionedTables = ["Suppliers", "StrategicGoals", "StakeholderRatings", "Contracts", "Categories", "BusinessUnits"];

    [Fact]
    public void The_version_is_a_rowversion_on_SqlServer_and_an_application_managed_token_on_Sqlite()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);

        foreach (var entity in sqlServer.Model.GetEntityTypes().Where(e => e.FindProperty("Version") is not null))
        {
            var version = entity.FindProperty("Version")!;
            Assert.Equal("rowversion", version.GetColumnType());
            Assert.True(version.IsConcurrencyToken);
            Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate, version.ValueGenerated);
            Assert.Null(ConcurrencyTokens.ApplicationManaged(entity));
        }

        var versioned = sqlite.Model.GetEntityTypes().Where(e => e.FindProperty("Version") is not null).Select(e => e.GetTableName()).Order().ToArray();
        Assert.Equal(VersionedTables.Order().ToArray(), versioned);
        Assert.All(sqlite.Model.GetEntityTypes().Where(e => e.FindProperty("Version") is not null), e => Assert.NotNull(ConcurrencyTokens.ApplicationManaged(e)));
    }

    [Fact]
    public async Task Sqlite_renews_the_version_on_insert_update_and_set_based_update()
    {
        // Arrange
        var path = await TestDatabase.CopyDemoAsync();
        try
        {
            await using var db = TestDatabase.Open(path);
            var supplier = await db.Suppliers.SingleAsync(s => s.Id == 3);
            var before = supplier.Version;
            var children = await db.Categories.AsNoTracking().Where(c => c.ParentId == 1).ToDictionaryAsync(c => c.Id, c => c.Version);
            var other = await db.Categories.AsNoTracking().Where(c => c.Id == 2).Select(c => c.Version).SingleAsync();

            // Act
            supplier.City = "Leipzig";
            await db.SaveChangesAsync();
            var added = db.Categories.Add(new() { Code = "ZZ", Name = "New", Level = 1, ManagerName = "m", ManagerEmail = "m@x.de" }).Entity;
            await db.SaveChangesAsync();
            var updated = await db.Categories.Where(c => c.ParentId == 1).ExecuteVersionedUpdateAsync(db, s => s.SetProperty(c => c.ManagerName, "Moved"));

            // Assert
            Assert.Equal(8, supplier.Version.Length);
            Assert.NotEqual(before, supplier.Version);
            Assert.Equal(supplier.Version, await db.Suppliers.AsNoTracking().Where(s => s.Id == 3).Select(s => s.Version).SingleAsync());
            Assert.Equal(8, added.Version.Length);
            Assert.Equal(children.Count, updated);
            var after = await db.Categories.AsNoTracking().Where(c => c.ParentId == 1).ToDictionaryAsync(c => c.Id, c => c.Version);
            Assert.All(children, c => Assert.NotEqual(c.Value, after[c.Key]));
            Assert.Equal(other, await db.Categories.AsNoTracking().Where(c => c.Id == 2).Select(c => c.Version).SingleAsync());
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    [Fact]
    public async Task Seeded_rows_have_distinct_eight_byte_versions()
    {
        var path = await TestDatabase.CopyDemoAsync();
        try
        {
            await using var db = TestDatabase.Open(path);
            foreach (var table in VersionedTables)
            {
                var rows = await Scalar(db, $"SELECT COUNT(*) FROM \"{table}\"");
                Assert.True(rows > 0, table);
                Assert.Equal(rows, await Scalar(db, $"SELECT COUNT(DISTINCT Version) FROM \"{table}\" WHERE length(Version) = 8"));
            }
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    [Fact]
    public async Task Sqlite_rows_from_before_the_rowversion_migration_get_their_own_version()
    {
        var path = TestDatabase.NewPath();
        try
        {
            // Arrange: a database at the Writes migration (GUID stamps) with two categories
            await using var db = TestDatabase.Open(path);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261206194727_Writes");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Categories (Code, Name, Level, ManagerName, ManagerEmail, Strategy, AnnualSpend, ConcurrencyStamp)
                VALUES ('A', 'A', 1, 'm', 'm@x.de', 1, '0', '00000000-0000-0000-0000-000000000000'),
                       ('B', 'B', 1, 'm', 'm@x.de', 1, '0', '00000000-0000-0000-0000-000000000000');
                """);

            // Act
            await db.Database.MigrateAsync();

            // Assert
            Assert.Equal(2, await Scalar(db, "SELECT COUNT(DISTINCT Version) FROM Categories WHERE length(Version) = 8"));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    private static async Task<long> Scalar(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
