using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Performance;

/// <summary>The figures both performance types share, each filterable and sortable (the rows are a view's, computed from the rollups).</summary>
public abstract class PerformanceGraphType<TRow> : EntityGraphType<TRow>
    where TRow : PerformanceFigures
{
    protected void AddFigures()
    {
        Value("period", p => p.Period, "The quarter, e.g. `2026-Q3` (as ratings name it; text order is time order).");
        Value("ratingCount", p => p.RatingCount, "The number of ratings in the quarter.");
        Value("valueWeightedScore", p => p.ValueWeightedScore,
            "The average value-weighted score of the quarter's ratings, 1..5: each rating's scores weighted by the rating business "
            + "unit's current value drivers (StakeholderRating.valueWeightedScore), averaged over the ratings.");
        Value("previousValueWeightedScore", p => p.PreviousValueWeightedScore,
            "The same score for the previous quarter; null when that quarter has no ratings.");
        Value("scoreTrend", p => p.ScoreTrend,
            "valueWeightedScore minus the previous quarter's; null when the previous quarter has no ratings.");
        Value("contractCount", p => p.ContractCount, "The number of ACTIVE or EXPIRED contracts in force during (part of) the quarter.");
        Value("annualSavings", p => (decimal)p.SavingsCents / 100m,
            "The summed annualSavings (baselineAnnualCost − annualValue) of those contracts, in the reporting currency.");
        Value("savingsPercent", p => p.SavingsPercent,
            "annualSavings / the contracts' summed baselineAnnualCost as a fraction (0.12 = 12 %); null when no contract is in force.");
        Value("valueGap", p => p.ValueGap,
            "High savings, low satisfaction, 0..1: max(savingsPercent, 0) × (5 − valueWeightedScore) / 4; null when savingsPercent "
            + "is. Sort by it descending for where procurement saves money but fails its customers.");
    }
}
