using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class StrategicGoalConfiguration : IEntityTypeConfiguration<StrategicGoal>
{
    public void Configure(EntityTypeBuilder<StrategicGoal> goal)
    {
        goal.ToTable("StrategicGoals", t => t.HasCheckConstraint("CK_StrategicGoals_Period", "PeriodEnd >= PeriodStart"));
        goal.Property(g => g.Code).HasMaxLength(ModelConventions.CodeLength);
        goal.HasIndex(g => g.Code).IsUnique();
        goal.Property(g => g.Title).HasMaxLength(ModelConventions.NameLength);
        goal.Property(g => g.Description).HasMaxLength(ModelConventions.TextLength);
        goal.Property(g => g.OwnerName).HasMaxLength(ModelConventions.NameLength);
        goal.Property(g => g.OwnerEmail).HasMaxLength(ModelConventions.EmailLength);
        goal.Property(g => g.KpiName).HasMaxLength(ModelConventions.NameLength);
        goal.Property(g => g.Baseline).HasPrecision(18, 4);
        goal.Property(g => g.Target).HasPrecision(18, 4);
        goal.Property(g => g.Current).HasPrecision(18, 4);
        goal.HasIndex(g => g.Status);
        goal.HasIndex(g => g.Theme);
    }
}
