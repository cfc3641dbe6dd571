using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

/// <summary>A view (created by the <c>PerformanceRollups</c> migrations, see <see cref="Performance.PerformanceSql"/>), never written.</summary>
internal sealed class BusinessUnitPerformanceConfiguration : IEntityTypeConfiguration<BusinessUnitPerformance>
{
    public void Configure(EntityTypeBuilder<BusinessUnitPerformance> row)
    {
        row.ToView("BusinessUnitPerformance");
        row.HasKey(p => p.Id);
        row.Property(p => p.Period).HasMaxLength(7);
        row.HasOne(p => p.BusinessUnit).WithMany().HasForeignKey(p => p.BusinessUnitId);
    }
}
