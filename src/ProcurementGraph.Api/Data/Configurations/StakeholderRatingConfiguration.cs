using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class StakeholderRatingConfiguration : IEntityTypeConfiguration<StakeholderRating>
{
    private static readonly string[] Scores = ["Quality", "Delivery", "Responsiveness", "Innovation", "CostValue", "Overall"];

    public void Configure(EntityTypeBuilder<StakeholderRating> rating)
    {
        rating.ToTable("StakeholderRatings", t =>
        {
            foreach (var score in Scores)
            {
                t.HasCheckConstraint($"CK_StakeholderRatings_{score}", ModelConventions.ScoreCheck(score));
            }
        });
        rating.Property(r => r.RaterName).HasMaxLength(ModelConventions.NameLength);
        rating.Property(r => r.RaterEmail).HasMaxLength(ModelConventions.EmailLength);
        rating.Property(r => r.Period).HasMaxLength(7);
        rating.Property(r => r.Comment).HasMaxLength(ModelConventions.TextLength);
        rating.HasIndex(r => r.RatedOn);
        rating.HasIndex(r => r.Period);
        rating.HasOne(r => r.Supplier).WithMany(s => s.Ratings).HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne(r => r.BusinessUnit).WithMany(b => b.Ratings).HasForeignKey(r => r.BusinessUnitId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne(r => r.Category).WithMany(c => c.Ratings).HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne(r => r.Contract).WithMany(c => c.Ratings).HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}
