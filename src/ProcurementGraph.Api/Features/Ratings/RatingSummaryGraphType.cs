using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>
/// Aggregates over a set of ratings (a supplier's, a category's), computed in SQL; not stored and not a node.
/// There is no root field over it: it is only reached through <c>ratingSummary</c> fields.
/// </summary>
public sealed class RatingSummaryGraphType : EntityGraphType<IEnumerable<StakeholderRating>>
{
    public RatingSummaryGraphType()
    {
        Name = "RatingSummary";
        Description = "Derived, not stored: a summary of business units' ratings (of a supplier, or in a category). Averages are null when there is no rating.";

        // Not an entity: the key only satisfies the toolkit (it is never a root, a node or a paged list).
        HasKey(rs => rs.Count());
        Value("count", rs => rs.Count(), "The number of ratings.");
        Value("averageOverall", rs => rs.Average(r => (double?)r.Overall), "The average overall score, 1..5.");
        Value("averageQuality", rs => rs.Average(r => (double?)r.Quality), "The average quality score, 1..5.");
        Value("averageDelivery", rs => rs.Average(r => (double?)r.Delivery), "The average delivery score, 1..5.");
        Value("averageResponsiveness", rs => rs.Average(r => (double?)r.Responsiveness), "The average responsiveness score, 1..5.");
        Value("averageInnovation", rs => rs.Average(r => (double?)r.Innovation), "The average innovation score, 1..5.");
        Value("averageCostValue", rs => rs.Average(r => (double?)r.CostValue), "The average cost / value-for-money score, 1..5.");

        // The sum over ratings × their business unit's drivers, divided by the count: no aggregate over a subquery (SQL Server refuses those).
        // In float: in decimal, SQLite computes in application functions (slow), and EF would cast the count to the weight's
        // decimal(5,4), which overflows on SQL Server.
        Value("averageValueWeightedScore", rs => rs.Count() == 0 ? null : (double?)(rs
                .SelectMany(r => r.BusinessUnit.ValueDrivers, (r, d) => (double)d.Weight * (
                    d.Driver == ValueDriverKind.Quality ? r.Quality
                    : d.Driver == ValueDriverKind.Delivery ? r.Delivery
                    : d.Driver == ValueDriverKind.Responsiveness ? r.Responsiveness
                    : d.Driver == ValueDriverKind.Innovation ? r.Innovation
                    : r.CostValue))
                .Sum() / rs.Count()),
            "The average of the ratings' valueWeightedScore, 1..5.");
        Value("lastRatedOn", rs => rs.Max(r => (DateOnly?)r.RatedOn), "The day of the latest rating; null when there is none.");
    }
}
