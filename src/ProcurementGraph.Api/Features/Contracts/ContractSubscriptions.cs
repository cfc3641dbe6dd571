using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>Live contract life cycles: an event whenever a contract's status changes (<c>changeContractStatus</c>, a <c>renewContract</c> that reactivates it).</summary>
public sealed class ContractSubscriptions : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        subscription.AddField(SubscriptionFields.Create(new SubscriptionDefinition
        {
            Name = "onContractStatusChanged",
            Description = "A contract's status changed (`changeContractStatus`, or `renewContract` of an EXPIRED contract), optionally only for one supplier's contracts.",
            EventTypeName = "ContractStatusChangedEvent",
            EventDescription = "A contract whose status changed, with the status it had before.",
            EntityTypeName = "Contract",
            Arguments = [SubscriptionArguments.Id("supplierId", "Supplier", "Only contracts with this supplier.")],
            Accepts = change => change.Kind == ChangeKind.Updated && change.Changed("status"),
            Filter = context => SubscriptionArguments.Matching<Contract>(context, "supplierId", "Supplier", c => c.SupplierId),
            EventFields =
            [
                SubscriptionEventFields.FromChange("previousStatus", new NonNullGraphType(new GraphQLTypeReference("ContractStatus")),
                    "The status the contract had before the change.", change => change.Before<ContractStatus>("status")),
                SubscriptionEventFields.ChangedAt(),
            ],
        }));
    }
}
