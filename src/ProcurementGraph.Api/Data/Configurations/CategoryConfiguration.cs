using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories", t =>
        {
            t.HasCheckConstraint("CK_Categories_Level", "Level BETWEEN 1 AND 3");
            t.HasCheckConstraint("CK_Categories_AnnualSpend", "CAST(AnnualSpend AS REAL) >= 0");
        });
        category.Property(c => c.Code).HasMaxLength(ModelConventions.CodeLength);
        category.HasIndex(c => c.Code).IsUnique();
        category.Property(c => c.Name).HasMaxLength(ModelConventions.NameLength);
        category.HasIndex(c => c.Name);
        category.Property(c => c.Description).HasMaxLength(ModelConventions.TextLength);
        category.Property(c => c.ManagerName).HasMaxLength(ModelConventions.NameLength);
        category.Property(c => c.ManagerEmail).HasMaxLength(ModelConventions.EmailLength);
        category.Property(c => c.AnnualSpend).IsMoney();
        category.HasIndex(c => c.Level);
        category.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
