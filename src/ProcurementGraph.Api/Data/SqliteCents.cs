namespace ProcurementGraph.Api.Data;

/// <summary>
/// Money in whole cents in SQLite's SQL, the one spelling the derived columns, the rollup triggers and the performance
/// rollups share. SQLite keeps decimals as TEXT: <c>round(CAST(value AS REAL) * 100)</c> is exact for |value| &lt; 2^51 cents
/// (about 2.2 × 10^13): the parsed double is within half an ulp (relative 2^-53) of the 2-decimal text, the product adds at
/// most as much again, so the rounded product is the exact whole number of cents (docs/DECISIONS.md).
/// </summary>
public static class SqliteCents
{
    /// <summary>The cents of <paramref name="column"/>, a quoted column reference (<c>"AnnualValue"</c>, <c>NEW."AnnualValue"</c>).</summary>
    public static string Of(string column) => $"CAST(round(CAST({column} AS REAL) * 100) AS INTEGER)";
}
