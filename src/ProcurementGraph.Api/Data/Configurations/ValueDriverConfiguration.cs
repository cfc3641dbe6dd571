using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class ValueDriverConfiguration : IEntityTypeConfiguration<ValueDriver>
{
    public void Configure(EntityTypeBuilder<ValueDriver> driver)
    {
        driver.ToTable("ValueDrivers", t =>
        {
            t.HasCheckConstraint("CK_ValueDrivers_Weight", ModelConventions.WeightCheck("Weight"));
            t.HasCheckConstraint("CK_ValueDrivers_Position", "Position >= 0");
        });
        driver.HasKey(d => new { d.BusinessUnitId, d.Driver });
        driver.Property(d => d.Weight).IsWeight();
        driver.HasIndex(d => new { d.BusinessUnitId, d.Position }).IsUnique();
        driver.HasOne(d => d.BusinessUnit).WithMany(b => b.ValueDrivers).HasForeignKey(d => d.BusinessUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
