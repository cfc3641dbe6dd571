using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary><c>WithdrawRatingInput</c>: the rating to remove.</summary>
public sealed class WithdrawRatingInputGraphType : InputObjectGraphType
{
    public WithdrawRatingInputGraphType()
    {
        Name = "WithdrawRatingInput";
        Description = "The rating to withdraw (remove); it no longer counts in any summary.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The rating to withdraw.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the rating as you read it.");
    }
}
