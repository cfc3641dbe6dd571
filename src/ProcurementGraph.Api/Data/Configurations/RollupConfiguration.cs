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
