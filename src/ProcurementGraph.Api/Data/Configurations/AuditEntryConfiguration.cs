using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("AuditEntries");
        audit.Property(a => a.Subject).HasMaxLength(ModelConventions.NameLength);
        audit.Property(a => a.SubjectName).HasMaxLength(ModelConventions.NameLength);
        audit.Property(a => a.Roles).HasMaxLength(ModelConventions.TextLength);
        audit.Property(a => a.Operation).HasMaxLength(ModelConventions.CodeLength * 2);
        audit.Property(a => a.EntityType).HasMaxLength(ModelConventions.CodeLength * 2);
        audit.Property(a => a.EntityKey).HasMaxLength(ModelConventions.CodeLength * 2);
        audit.HasIndex(a => new { a.EntityType, a.EntityKey, a.Id });
        audit.HasIndex(a => new { a.EntityType, a.EntityKeyNumber, a.Id }); // history: one object's entries, newest first
        audit.HasIndex(a => a.ChangedAt);
    }
}
