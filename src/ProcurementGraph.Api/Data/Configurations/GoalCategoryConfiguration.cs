using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class GoalCategoryConfiguration : IEntityTypeConfiguration<GoalCategory>
{
    public void Configure(EntityTypeBuilder<GoalCategory> link)
    {
        link.ToTable("GoalCategories", t => t.HasCheckConstraint("CK_GoalCategories_Weight", ModelConventions.WeightCheck("Weight")));
        link.HasKey(l => new { l.GoalId, l.CategoryId });
        link.Property(l => l.Weight).IsWeight();
        link.HasOne(l => l.Goal).WithMany(g => g.Categories).HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Category).WithMany(c => c.Goals).HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => l.CategoryId);
    }
}
