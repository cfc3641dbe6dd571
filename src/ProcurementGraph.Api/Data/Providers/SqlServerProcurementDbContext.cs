using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Performance;
using ProcurementGraph.Api.Data.Rollups;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>SQL Server / Azure SQL: case-insensitive through the database's default collation.</summary>
public sealed class SqlServerProcurementDbContext(DbContextOptions<SqlServerProcurementDbContext> options)
    : ProcurementDbContext(options)
{
    /// <summary>
    /// The tables the rollup triggers watch (<see cref="RollupSql.SqlServerCreate"/> for the derived figures,
    /// <see cref="PerformanceSql"/> for satisfaction next to savings, <see cref="AnalyticsRollupSql"/> for the group-by and rating totals): SQL Server refuses a bare OUTPUT clause on a table with
    /// triggers, so EF Core reads generated values back through OUTPUT ... INTO a table variable there.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Contract>().ToTable(t =>
        {
            t.HasTrigger(RollupSql.ContractsTrigger);
            t.HasTrigger(PerformanceSql.SqlServerContractTrigger);
            t.HasTrigger(AnalyticsRollupSql.ContractsTrigger);
        });
        modelBuilder.Entity<CategorySupplier>().ToTable(t => t.HasTrigger(RollupSql.CategorySuppliersTrigger));
        modelBuilder.Entity<Category>().ToTable(t => t.HasTrigger(RollupSql.CategoriesTrigger));
        modelBuilder.Entity<StakeholderRating>().ToTable(t =>
        {
            t.HasTrigger(PerformanceSql.SqlServerRatingTrigger);
            t.HasTrigger(AnalyticsRollupSql.RatingsTrigger);
        });
    }

    /// <summary>A <c>rowversion</c> column: the server renews it on every insert and update; EF checks it in WHERE and reads it back.</summary>
    protected override void ConfigureVersion(PropertyBuilder<byte[]> version) => version.IsRowVersion();
}
