namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// Satisfaction next to savings for one category in one quarter (a row of the <c>CategoryPerformance</c> view over the
/// rating and savings rollups; read-only). A row exists for every category and quarter with at least one rating given in
/// the context of that category.
/// </summary>
public class CategoryPerformance
{
    /// <summary>CategoryId × 100,000 + quarter number: a stable key for keyset paging.</summary>
    public long Id { get; set; }
    public int CategoryId { get; set; }

    /// <summary>Year × 4 + quarter − 1 (2026-Q3 is 8106).</summary>
    public int Quarter { get; set; }
    public required string Period { get; set; }
    public int RatingCount { get; set; }
    public double ValueWeightedScore { get; set; }
    public double? PreviousValueWeightedScore { get; set; }
    public double? ScoreTrend { get; set; }
    public int ContractCount { get; set; }
    public double AnnualSavings { get; set; }
    public double BaselineAnnualCost { get; set; }
    public double? SavingsPercent { get; set; }
    public double? ValueGap { get; set; }

    public Category Category { get; set; } = null!;
}
