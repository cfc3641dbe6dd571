using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Performance;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>SQL Server / Azure SQL: case-insensitive through the database's default collation.</summary>
public sealed class SqlServerProcurementDbContext(DbContextOptions<SqlServerProcurementDbContext> options)
    : ProcurementDbContext(options)
{
    /// <summary>A <c>rowversion</c> column: the server renews it on every insert and update; EF checks it in WHERE and reads it back with OUTPUT.</summary>
    protected override void ConfigureVersion(PropertyBuilder<byte[]> version) => version.IsRowVersion();

    /// <summary>The rollup triggers (<see cref="PerformanceSql"/>): EF Core then reads generated values back without a bare
    /// <c>OUTPUT</c>, which SQL Server refuses on a table with triggers.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<StakeholderRating>().ToTable(t => t.HasTrigger(PerformanceSql.SqlServerRatingTrigger));
        modelBuilder.Entity<Contract>().ToTable(t => t.HasTrigger(PerformanceSql.SqlServerContractTrigger));
    }
}
