using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>The fields of a new rating, shared by <c>SubmitRatingInput</c> and the batch's <c>RatingInput</c>.</summary>
internal static class RatingInputFields
{
    public static void AddNewRatingFields(this InputObjectGraphType input)
    {
        input.Field<NonNullGraphType<IdGraphType>>("supplierId").Description("The rated supplier.");
        input.Field<IdGraphType>("businessUnitId").Description("The rating business unit; default: the rater's own (the `business_unit` claim). Admin must give it.");
        input.Field<IdGraphType>("categoryId").Description("The category the rating is given in the context of.");
        input.Field<IdGraphType>("contractId").Description("The contract the rating is given in the context of; it must be a contract of the supplier.");
        input.Field<NonNullGraphType<StringGraphType>>("period").Description("The period the rating covers, `YYYY-Qn` (e.g. `2026-Q3`).");
        input.AddScoreFields(nonNull: true);
        input.Field<StringGraphType>("comment").Description("A comment (internal only), at most 2,000 characters.");
    }

    public static void AddScoreFields(this InputObjectGraphType input, bool nonNull)
    {
        foreach (var (name, what) in Scores)
        {
            if (nonNull)
            {
                input.Field<NonNullGraphType<IntGraphType>>(name).Description($"The {what} score, 1..5.");
            }
            else
            {
                input.Field<IntGraphType>(name).Description($"The {what} score, 1..5.");
            }
        }
    }

    public static readonly (string Name, string What)[] Scores =
    [
        ("quality", "quality"), ("delivery", "delivery"), ("responsiveness", "responsiveness"),
        ("innovation", "innovation"), ("costValue", "cost / value-for-money"), ("overall", "overall"),
    ];
}
