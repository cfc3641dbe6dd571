using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProcurementGraph.Api.Data.Configurations;

/// <summary>Column shapes shared by every entity configuration, so both providers get the same model.</summary>
internal static class ModelConventions
{
    public const int CodeLength = 32;
    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int TextLength = 2000;

    /// <summary>Money in the reporting currency: 18 digits, 2 decimals.</summary>
    public static PropertyBuilder<decimal> IsMoney(this PropertyBuilder<decimal> property) => property.HasPrecision(18, 2);

    /// <summary>A weight or share between 0 and 1 with 4 decimals.</summary>
    public static PropertyBuilder<decimal> IsWeight(this PropertyBuilder<decimal> property) => property.HasPrecision(5, 4);

    /// <summary>A provider-neutral check that a decimal column lies in (0, 1]; CAST keeps SQLite's TEXT decimals numeric.</summary>
    public static string WeightCheck(string column) => $"CAST({column} AS REAL) > 0 AND CAST({column} AS REAL) <= 1";

    /// <summary>A check that an integer score lies in 1..5.</summary>
    public static string ScoreCheck(string column) => $"{column} BETWEEN 1 AND 5";
}
