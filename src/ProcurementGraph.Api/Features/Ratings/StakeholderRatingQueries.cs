using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Server.Querying;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>Root fields of the ratings feature.</summary>
public sealed class StakeholderRatingQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("stakeholderRatings", "StakeholderRating",
            "Business units' ratings of suppliers, filtered, sorted and paged with keyset cursors."));
    }
}
