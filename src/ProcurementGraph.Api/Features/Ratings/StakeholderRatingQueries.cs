using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>Root fields of the ratings feature.</summary>
public sealed class StakeholderRatingQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(ReadReplica.Allow(EntityFields.Connection("stakeholderRatings", "StakeholderRating",
            "Business units' ratings of suppliers, filtered, sorted and paged with keyset cursors.")));
        query.AddField(ReadReplica.Allow(AggregateFields.Connection("ratingsAggregate", StakeholderRatingAggregates.Definition(),
            "Ratings grouped by keys (`groupBy`) with counts and score averages, sums, extremes and distinct counts per group, computed in one "
            + "GROUP BY statement: the `stakeholderRatings` list's `where`, `having` on the aggregates, `order` and keyset paging over the groups.")));
    }
}
