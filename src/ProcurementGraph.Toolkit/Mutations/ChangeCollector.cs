using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>Reads the audited changes from the change tracker: before saving (original values), described after (generated keys).</summary>
internal static class ChangeCollector
{
    public sealed record Pending(EntityEntry Entry, ChangeKind Kind, Dictionary<string, FieldChange> Fields, object?[] Key);

    /// <summary>The changed rows of the entity types <paramref name="include"/> accepts (none when it is null).</summary>
    public static List<Pending> Collect(DbContext db, Func<Type, bool>? include)
    {
        var pending = new List<Pending>();
        if (include is null)
        {
            return pending;
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !include(entry.Metadata.ClrType))
            {
                continue;
            }

            var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
            foreach (var property in entry.Properties)
            {
                var metadata = property.Metadata;
                if (metadata.IsConcurrencyToken || metadata.IsPrimaryKey() || metadata.IsShadowProperty())
                {
                    continue;
                }

                var name = CamelCase(metadata.Name);
                switch (entry.State)
                {
                    case EntityState.Added:
                        fields[name] = new FieldChange(null, property.CurrentValue); // after saving: generated values too
                        break;
                    case EntityState.Deleted:
                        fields[name] = new FieldChange(property.OriginalValue, null);
                        break;
                    default:
                        if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                        {
                            fields[name] = new FieldChange(property.OriginalValue, property.CurrentValue);
                        }

                        break;
                }
            }

            if (entry.State == EntityState.Modified && fields.Count == 0)
            {
                continue;
            }

            var kind = entry.State switch { EntityState.Added => ChangeKind.Created, EntityState.Deleted => ChangeKind.Deleted, _ => ChangeKind.Updated };
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            pending.Add(new Pending(entry, kind, fields, key));
        }

        return pending;
    }

    public static List<AuditedChange> Describe(List<Pending> pending, Func<Type, string> typeName) =>
        pending.ConvertAll(p =>
        {
            var key = p.Kind == ChangeKind.Created
                ? p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue).ToArray()
                : p.Key;
            if (p.Kind == ChangeKind.Created)
            {
                foreach (var property in p.Entry.Properties.Where(x => p.Fields.ContainsKey(CamelCase(x.Metadata.Name))))
                {
                    p.Fields[CamelCase(property.Metadata.Name)] = new FieldChange(null, property.CurrentValue);
                }
            }

            var text = string.Join(",", key.Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)));
            return new AuditedChange(typeName(p.Entry.Metadata.ClrType), text, p.Kind, p.Fields) { KeyValues = key };
        });

    internal static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
