using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>Live ratings: an event for every rating submitted (<c>submitRating</c>, <c>submitRatings</c>) or changed (<c>updateRating</c>).</summary>
public sealed class RatingSubscriptions : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        subscription.AddField(SubscriptionFields.Create(new SubscriptionDefinition
        {
            Name = "onRatingSubmitted",
            Description = "A rating was submitted or changed (`submitRating`, `submitRatings`, `updateRating`), optionally only for one supplier and/or one category.",
            EventTypeName = "RatingSubmittedEvent",
            EventDescription = "A rating as it is after it was submitted or changed.",
            EntityTypeName = "StakeholderRating",
            Arguments =
            [
                SubscriptionArguments.Id("supplierId", "Supplier", "Only ratings of this supplier."),
                SubscriptionArguments.Id("categoryId", "Category", "Only ratings given in this category."),
            ],
            Accepts = change => change.Kind is ChangeKind.Created or ChangeKind.Updated,
            Filter = context => SubscriptionArguments.Both(
                SubscriptionArguments.Matching<StakeholderRating>(context, "supplierId", "Supplier", r => r.SupplierId),
                SubscriptionArguments.Matching<StakeholderRating>(context, "categoryId", "Category", r => r.CategoryId)),
            EventFields =
            [
                SubscriptionEventFields.FromChange("action", new NonNullGraphType(new GraphQLTypeReference("AuditAction")),
                    "CREATED for a new rating, UPDATED for a changed one.", change => change.Kind == ChangeKind.Created ? AuditAction.Created : AuditAction.Updated),
                SubscriptionEventFields.ChangedFields(),
                SubscriptionEventFields.ChangedAt(),
            ],
        }));
    }
}
