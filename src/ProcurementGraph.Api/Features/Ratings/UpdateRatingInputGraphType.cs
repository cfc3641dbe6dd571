using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary><c>UpdateRatingInput</c>: a partial update of one rating; fields left out keep their values.</summary>
public sealed class UpdateRatingInputGraphType : InputObjectGraphType
{
    public UpdateRatingInputGraphType()
    {
        Name = "UpdateRatingInput";
        Description = "Changes to a rating. Fields left out keep their values; `comment`, `categoryId` and `contractId` given as null are cleared.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The rating to change.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the rating as you read it.");
        Field<IdGraphType>("categoryId").Description("The category context; null clears it.");
        Field<IdGraphType>("contractId").Description("The contract context (a contract of the rated supplier); null clears it.");
        Field<StringGraphType>("period").Description("The period, `YYYY-Qn`.");
        this.AddScoreFields(nonNull: false);
        Field<StringGraphType>("comment").Description("The comment; null clears it.");
    }
}
