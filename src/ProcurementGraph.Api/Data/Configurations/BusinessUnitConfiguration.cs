using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class BusinessUnitConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> unit)
    {
        unit.ToTable("BusinessUnits");
        unit.Property(b => b.Code).HasMaxLength(ModelConventions.CodeLength);
        unit.HasIndex(b => b.Code).IsUnique();
        unit.Property(b => b.Name).HasMaxLength(ModelConventions.NameLength);
        unit.HasIndex(b => b.Name);
        unit.Property(b => b.Region).HasMaxLength(ModelConventions.NameLength);
        unit.Property(b => b.HeadName).HasMaxLength(ModelConventions.NameLength);
    }
}
