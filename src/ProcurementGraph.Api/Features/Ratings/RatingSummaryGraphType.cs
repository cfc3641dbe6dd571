using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>
/// Aggregates over a set of ratings (a supplier's, a category's), read from the trigger-kept <see cref="RatingTotal"/> rows
/// (one per rated business unit; <c>Data/Rollups/AnalyticsRollupSql.cs</c>) instead of the ratings themselves; not stored and not
/// a node. There is no root field over it: it is only reached through <c>ratingSummary</c> fields.
/// </summary>
/// <remarks>
/// Every figure equals the one over the ratings: the count and the score sums are exact integers, an average is their quotient
/// (what <c>AVG</c> over the integer scores computes), the latest day is kept by the triggers. The value-weighted score is
/// linear in the scores, so Σ over ratings of Σ<sub>d</sub> weight<sub>d</sub> × score<sub>d</sub> = Σ over units of
/// Σ<sub>d</sub> weight<sub>d</sub> × (the unit's sum of score<sub>d</sub>), weighed by the unit's current drivers (a
/// <c>setValueDrivers</c> shows at once); in floating point like before, the order of the additions differs (last bits).
/// </remarks>
public sealed class RatingSummaryGraphType : EntityGraphType<IEnumerable<RatingTotal>>
{
    public RatingSummaryGraphType()
    {
        Name = "RatingSummary";
        Description = "Derived, not stored: a summary of business units' ratings (of a supplier, or in a category). Averages are null when there is no rating.";

        // Not an entity: the key only satisfies the toolkit (it is never a root, a node or a paged list).
        HasKey(rs => rs.Count());
        Value("count", rs => rs.Sum(t => t.RatingCount), "The number of ratings.");
        Value("averageOverall", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)rs.Sum(t => t.OverallSum) / rs.Sum(t => t.RatingCount), "The average overall score, 1..5.");
        Value("averageQuality", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)rs.Sum(t => t.QualitySum) / rs.Sum(t => t.RatingCount), "The average quality score, 1..5.");
        Value("averageDelivery", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)rs.Sum(t => t.DeliverySum) / rs.Sum(t => t.RatingCount), "The average delivery score, 1..5.");
        Value("averageResponsiveness", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)rs.Sum(t => t.ResponsivenessSum) / rs.Sum(t => t.RatingCount), "The average responsiveness score, 1..5.");
        Value("averageInnovation", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)rs.Sum(t => t.InnovationSum) / rs.Sum(t => t.RatingCount), "The average innovation score, 1..5.");
        Value("averageCostValue", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)rs.Sum(t => t.CostValueSum) / rs.Sum(t => t.RatingCount), "The average cost / value-for-money score, 1..5.");

        // The sum over units × their drivers, divided by the count: no aggregate over a subquery (SQL Server refuses those).
        // In float: in decimal, SQLite computes in application functions (slow), and EF would cast the count to the weight's
        // decimal(5,4), which overflows on SQL Server.
        Value("averageValueWeightedScore", rs => rs.Sum(t => t.RatingCount) == 0 ? null : (double?)(rs
                .SelectMany(t => t.BusinessUnit.ValueDrivers, (t, d) => (double)d.Weight * (
                    d.Driver == ValueDriverKind.Quality ? t.QualitySum
                    : d.Driver == ValueDriverKind.Delivery ? t.DeliverySum
                    : d.Driver == ValueDriverKind.Responsiveness ? t.ResponsivenessSum
                    : d.Driver == ValueDriverKind.Innovation ? t.InnovationSum
                    : t.CostValueSum))
                .Sum() / rs.Sum(t => t.RatingCount)),
            "The average of the ratings' valueWeightedScore, 1..5.");
        Value("lastRatedOn", rs => rs.Max(t => (DateOnly?)t.LastRatedOn), "The day of the latest rating; null when there is none.");
    }
}
