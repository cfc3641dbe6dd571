using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("IdempotencyRecords");
        record.Property(r => r.Id).HasMaxLength(64).IsFixedLength();
        record.Property(r => r.RequestHash).HasMaxLength(64).IsFixedLength();
        record.Property(r => r.ContentType).HasMaxLength(ModelConventions.NameLength);
        record.HasIndex(r => r.ExpiresAt);
    }
}
