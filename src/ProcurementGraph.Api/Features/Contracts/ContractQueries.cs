using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>Root fields of the contracts feature.</summary>
public sealed class ContractQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(ReadReplica.Allow(EntityFields.Connection("contracts", "Contract", "Contracts, filtered, sorted and paged with keyset cursors.")));
        query.AddField(ReadReplica.Allow(AggregateFields.Connection("contractsAggregate", ContractAggregates.Definition(),
            "Contracts grouped by keys (`groupBy`) with counts, sums, averages, extremes and distinct counts per group, computed in one "
            + "GROUP BY statement: the list's `where` and row rules, `having` on the aggregates, `order` and keyset paging over the groups.")));
        query.AddField(EntityFields.Lookup<Contract, string>(
            "contract", "Contract", "A contract by its number; null when it does not exist.",
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "number", Description = "The contract number, e.g. `CT-004211`." },
            number => c => c.Number == number));
    }
}
