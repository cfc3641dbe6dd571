namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The figures of one row of a performance view (<see cref="CategoryPerformance"/>, <see cref="BusinessUnitPerformance"/>).</summary>
public abstract class PerformanceFigures
{
    /// <summary>The dimension's ID × 100,000 + <see cref="Quarter"/>: a stable key for keyset paging.</summary>
    public long Id { get; set; }

    /// <summary>Year × 4 + quarter − 1 (2026-Q3 is 8106).</summary>
    public int Quarter { get; set; }

    /// <summary>The quarter as ratings name it, e.g. <c>2026-Q3</c>.</summary>
    public required string Period { get; set; }
    public int RatingCount { get; set; }
    public double ValueWeightedScore { get; set; }
    public double? PreviousValueWeightedScore { get; set; }
    public double? ScoreTrend { get; set; }
    public int ContractCount { get; set; }

    /// <summary>The summed annual savings of the contracts in force, in cents (exact on both providers).</summary>
    public long SavingsCents { get; set; }

    /// <summary>The summed baseline annual cost of the contracts in force, in cents.</summary>
    public long BaselineCents { get; set; }
    public double? SavingsPercent { get; set; }
    public double? ValueGap { get; set; }
}
