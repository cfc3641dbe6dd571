using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

/// <summary>A view (created by the <c>PerformanceRollups</c> migrations, see <see cref="Performance.PerformanceSql"/>), never written.</summary>
internal sealed class CategoryPerformanceConfiguration : IEntityTypeConfiguration<CategoryPerformance>
{
    public void Configure(EntityTypeBuilder<CategoryPerformance> row)
    {
        row.ToView("CategoryPerformance");
        row.HasKey(p => p.Id);
        row.Property(p => p.Period).HasMaxLength(7);
        row.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId);
    }
}
