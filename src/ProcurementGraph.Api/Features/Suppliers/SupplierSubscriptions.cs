using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>Live suppliers: an event for every supplier created or changed (<c>createSupplier</c>, <c>updateSupplier</c>, <c>changeSupplierStatus</c>, <c>updateMySupplierContact</c>).</summary>
public sealed class SupplierSubscriptions : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        subscription.AddField(SubscriptionFields.Create(new SubscriptionDefinition
        {
            Name = "onSupplierChanged",
            Description = "A supplier was created or changed (its data, its status or its contact details), optionally only one supplier.",
            EventTypeName = "SupplierChangedEvent",
            EventDescription = "A supplier as it is after it was created or changed.",
            EntityTypeName = "Supplier",
            Arguments = [SubscriptionArguments.Id("supplierId", "Supplier", "Only this supplier.")],
            Accepts = change => change.Kind is ChangeKind.Created or ChangeKind.Updated,
            Filter = context => SubscriptionArguments.Matching<Supplier>(context, "supplierId", "Supplier", s => s.Id),
            EventFields =
            [
                SubscriptionEventFields.FromChange("action", new NonNullGraphType(new GraphQLTypeReference("AuditAction")),
                    "CREATED for a new supplier, UPDATED for a changed one.", change => change.Kind == ChangeKind.Created ? AuditAction.Created : AuditAction.Updated),
                SubscriptionEventFields.ChangedFields(),
                SubscriptionEventFields.FromChange("previousStatus", new GraphQLTypeReference("SupplierStatus"),
                    "The status before the change; null unless the change moved the supplier's status.",
                    change => change.Kind == ChangeKind.Updated && change.Changed("status") ? change.Before<SupplierStatus>("status") : null),
                SubscriptionEventFields.ChangedAt(),
            ],
        }));
    }
}
