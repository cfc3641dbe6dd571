using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>The ratings feature's mutations: raters rate for their own business unit, Admin for any.</summary>
public sealed class RatingMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "submitRating",
            Description = "Rates a supplier for your business unit (Admin: for the business unit given).",
            Input = new SubmitRatingInputGraphType(),
            EntityTypeName = "StakeholderRating",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = m => RatingSubmission.SubmitAsync(m, [m.Input], skipInvalid: false),
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "submitRatings",
            Description = $"Rates suppliers in a batch of up to {RatingSubmission.MaxBatchSize}, in one transaction; errors name each invalid rating by its index.",
            Input = new SubmitRatingsInputGraphType(new RatingInputGraphType()),
            EntityTypeName = "StakeholderRating",
            PayloadFieldName = "stakeholderRatings",
            ReturnsList = true,
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = m =>
            {
                var items = m.Input.Items("ratings");
                if (items.Count > RatingSubmission.MaxBatchSize)
                {
                    return Task.FromResult(MutationResult.Failure(new ValidationError("ratings", ValidationCodes.TooMany,
                        $"`ratings` holds {items.Count} ratings; at most {RatingSubmission.MaxBatchSize} are allowed.")));
                }

                return RatingSubmission.SubmitAsync(m, items, skipInvalid: m.Input["skipInvalid"] is true);
            },
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "updateRating",
            Description = "Changes a rating of your business unit (Admin: any) at the version you read; fields left out keep their values.",
            Input = new UpdateRatingInputGraphType(),
            EntityTypeName = "StakeholderRating",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = RatingChanges.UpdateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "withdrawRating",
            Description = "Withdraws (removes) a rating of your business unit (Admin: any) at the version you read.",
            Input = new WithdrawRatingInputGraphType(),
            EntityTypeName = "StakeholderRating",
            PayloadFieldName = "withdrawnRatingId",
            ReturnsId = true,
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = RatingChanges.WithdrawAsync,
        }));
    }
}
