using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> supplier)
    {
        supplier.ToTable("Suppliers", t => t.HasCheckConstraint("CK_Suppliers_Country", "Country LIKE '__'"));
        supplier.Property(s => s.Name).HasMaxLength(ModelConventions.NameLength);
        supplier.HasIndex(s => s.Name);
        supplier.Property(s => s.LegalName).HasMaxLength(ModelConventions.NameLength);
        supplier.Property(s => s.RegistrationNumber).HasMaxLength(ModelConventions.CodeLength);
        supplier.HasIndex(s => s.RegistrationNumber).IsUnique();
        supplier.Property(s => s.Country).HasMaxLength(2).IsFixedLength();
        supplier.HasIndex(s => new { s.Country, s.Status, s.Name });
        supplier.Property(s => s.City).HasMaxLength(ModelConventions.NameLength);
        supplier.Property(s => s.Website).HasMaxLength(ModelConventions.NameLength);
        supplier.Property(s => s.PrimaryContactEmail).HasMaxLength(ModelConventions.EmailLength);
        supplier.HasIndex(s => s.Status);
        supplier.HasIndex(s => s.RiskLevel);
    }
}
