using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary><c>RatingInput</c>: one new rating of a <c>submitRatings</c> batch.</summary>
public sealed class RatingInputGraphType : InputObjectGraphType
{
    public RatingInputGraphType()
    {
        Name = "RatingInput";
        Description = "One new rating of a `submitRatings` batch.";
        this.AddNewRatingFields();
    }
}
