using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class CategorySupplierConfiguration : IEntityTypeConfiguration<CategorySupplier>
{
    public void Configure(EntityTypeBuilder<CategorySupplier> link)
    {
        link.ToTable("CategorySuppliers");
        link.HasKey(l => new { l.CategoryId, l.SupplierId });
        link.HasOne(l => l.Category).WithMany(c => c.Suppliers).HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Supplier).WithMany(s => s.Categories).HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => l.SupplierId);
    }
}
