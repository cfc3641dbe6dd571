namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>Decimals kept as whole numbers of hundredths (<see cref="EntityGraphType{TEntity}"/>'s <c>Hundredths</c> fields).</summary>
public static class FixedPoint
{
    /// <summary>
    /// <paramref name="hundredths"/> / 100 with one decimal place or two, no trailing zero beyond the first: the decimal SQLite gives
    /// for the same value (Microsoft.Data.Sqlite writes decimals as <c>0.0###…</c>), so a field answers the same digits whether
    /// SQL or memory divided.
    /// </summary>
    public static decimal FromHundredths(long hundredths) =>
        hundredths % 10 != 0 ? Scaled(hundredths, 2) : Scaled(hundredths / 10, 1);

    private static decimal Scaled(long units, byte scale)
    {
        var magnitude = unchecked((ulong)(units < 0 ? -units : units));
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, units < 0, scale);
    }
}
