using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// A row's <c>version</c> as the graph writes it: its concurrency token (whichever property the model marks as one)
/// formatted by the toolkit's <see cref="Versions"/>.
/// </summary>
internal static class RawVersions
{
    public static string? Of(DbContext db, object entity)
    {
        var entry = db.Entry(entity);
        var token = entry.Metadata.GetProperties().First(p => p.IsConcurrencyToken);
        return Versions.Format(entry.Property(token.Name).CurrentValue);
    }

    /// <summary>True when <paramref name="expected"/> is the row's current version.</summary>
    public static bool Matches(DbContext db, object entity, string? expected)
    {
        var entry = db.Entry(entity);
        var token = entry.Metadata.GetProperties().First(p => p.IsConcurrencyToken);
        return Versions.Matches(entry.Property(token.Name).CurrentValue, expected);
    }
}
