namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>What <see cref="DatabaseSeeder.SeedAsync"/> did.</summary>
/// <param name="Size">The size that was asked for.</param>
/// <param name="Skipped">True when the database already held data and nothing was written.</param>
/// <param name="Tables">The tables filled, in insertion order (empty when skipped).</param>
/// <param name="Elapsed">Total time, including any reset.</param>
public sealed record SeedReport(SeedSize Size, bool Skipped, IReadOnlyList<SeededTable> Tables, TimeSpan Elapsed)
{
    /// <summary>Rows inserted over all tables.</summary>
    public long TotalRows => Tables.Sum(t => t.Rows);

    /// <summary>Rows inserted into the named table (0 if it was not filled).</summary>
    public long RowsIn(string table) =>
        Tables.FirstOrDefault(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase))?.Rows ?? 0;
}
