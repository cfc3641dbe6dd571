using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>Root fields of the suppliers feature.</summary>
public sealed class SupplierQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(ReadReplica.Allow(EntityFields.Connection("suppliers", "Supplier", "Suppliers, filtered, sorted and paged with keyset cursors.")));
        query.AddField(ReadReplica.Allow(AggregateFields.Connection("suppliersAggregate", SupplierAggregates.Definition(),
            "Suppliers grouped by keys (`groupBy`) with counts, sums of their active contract value and distinct counts per group, computed "
            + "in one GROUP BY statement: the list's `where` and row rules, `having` on the aggregates, `order` and keyset paging over the groups.")));
        query.AddField(EntityFields.Lookup<Supplier, string>(
            "supplier", "Supplier", "A supplier by its global ID; null when it does not exist.",
            TypedIdArgument.Create("id", "Supplier", "The supplier's global ID."),
            GlobalIds.KeyOf<Supplier>("Supplier", s => s.Id)));
    }
}
