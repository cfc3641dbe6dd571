using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary><c>SubmitRatingsInput</c>: up to 1,000 new ratings, written in one transaction.</summary>
public sealed class SubmitRatingsInputGraphType : InputObjectGraphType
{
    public SubmitRatingsInputGraphType(RatingInputGraphType item)
    {
        Name = "SubmitRatingsInput";
        Description = "Up to 1,000 new ratings, validated together and written in one transaction.";
        Field("ratings", new NonNullGraphType(new ListGraphType(new NonNullGraphType(item)))).Description("The ratings, at most 1,000.");
        Field<BooleanGraphType>("skipInvalid").DefaultValue(false)
            .Description("false (default): one invalid rating writes nothing. true: the valid ratings are written and the invalid ones reported.");
    }
}
