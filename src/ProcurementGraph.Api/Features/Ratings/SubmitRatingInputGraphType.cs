using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary><c>SubmitRatingInput</c>: a new rating of a supplier by the rater's business unit.</summary>
public sealed class SubmitRatingInputGraphType : InputObjectGraphType
{
    public SubmitRatingInputGraphType()
    {
        Name = "SubmitRatingInput";
        Description = "A new rating of a supplier by a business unit.";
        this.AddNewRatingFields();
    }
}
