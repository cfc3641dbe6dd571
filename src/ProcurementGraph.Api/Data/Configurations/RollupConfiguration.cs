using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

/// <summary>
/// The trigger-kept rollup tables (<see cref="Rollups.RollupSql"/>): at most one row per category / supplier (the key is the
/// foreign key), mapped as a collection so that a figure is <c>Rollups.Sum(...)</c>: a correlated subquery EF Core also lifts into
/// GROUP BY aggregates (an optional reference would become a LEFT JOIN that the aggregates re-run per group).
/// </summary>
internal sealed class CategoryRollupConfiguration : IEntityTypeConfiguration<CategoryRollup>
{
    public void Configure(EntityTypeBuilder<CategoryRollup> rollup)
    {
        rollup.ToTable("CategoryRollups");
        rollup.HasKey(r => r.CategoryId);
        rollup.Property(r => r.CategoryId).ValueGeneratedNever();
        rollup.HasOne(r => r.Category).WithMany(c => c.Rollups).HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierRollupConfiguration : IEntityTypeConfiguration<SupplierRollup>
{
    public void Configure(EntityTypeBuilder<SupplierRollup> rollup)
    {
        rollup.ToTable("SupplierRollups");
        rollup.HasKey(r => r.SupplierId);
        rollup.Property(r => r.SupplierId).ValueGeneratedNever();
        rollup.HasOne(r => r.Supplier).WithMany(s => s.Rollups).HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategorySupplierReachConfiguration : IEntityTypeConfiguration<CategorySupplierReach>
{
    public void Configure(EntityTypeBuilder<CategorySupplierReach> reach)
    {
        reach.ToTable("CategorySupplierReach");
        reach.HasKey(r => new { r.CategoryId, r.SupplierId });
        reach.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
        reach.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Cascade);
        reach.HasIndex(r => r.SupplierId);
    }
}

/// <summary>
/// Per (category, start quarter): the contracts' count and money in cents (<see cref="Rollups.AnalyticsRollupSql"/>), read by
/// <c>contractsAggregate</c> when it groups by category and start quarter only (<c>Features/Contracts/ContractAggregates.cs</c>).
/// </summary>
internal sealed class ContractQuarterTotalConfiguration : IEntityTypeConfiguration<ContractQuarterTotal>
{
    public void Configure(EntityTypeBuilder<ContractQuarterTotal> totals)
    {
        totals.ToTable("ContractQuarterTotals");
        totals.HasKey(t => new { t.CategoryId, t.StartQuarter });
        totals.HasOne(t => t.Category).WithMany(c => c.QuarterTotals).HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Per (supplier, business unit) and per (category, business unit): the ratings' count, score sums and latest day
/// (<see cref="Rollups.AnalyticsRollupSql"/>); one table for both so that <c>ratingSummary</c> reads one CLR type from a supplier
/// and a category. A row has exactly one of the two keys; each pair is unique (SQL Server filters the index to non-null keys).
/// </summary>
internal sealed class RatingTotalConfiguration : IEntityTypeConfiguration<RatingTotal>
{
    public void Configure(EntityTypeBuilder<RatingTotal> totals)
    {
        totals.ToTable("RatingTotals", t => t.HasCheckConstraint("CK_RatingTotals_OneKey", "(SupplierId IS NULL AND CategoryId IS NOT NULL) OR (SupplierId IS NOT NULL AND CategoryId IS NULL)"));
        totals.HasKey(t => t.Id);
        totals.HasIndex(t => new { t.SupplierId, t.BusinessUnitId }).IsUnique();
        totals.HasIndex(t => new { t.CategoryId, t.BusinessUnitId }).IsUnique();
        totals.HasOne(t => t.Supplier).WithMany(s => s.RatingTotals).HasForeignKey(t => t.SupplierId).OnDelete(DeleteBehavior.Cascade);
        totals.HasOne(t => t.Category).WithMany(c => c.RatingTotals).HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Cascade);
        totals.HasOne(t => t.BusinessUnit).WithMany().HasForeignKey(t => t.BusinessUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
