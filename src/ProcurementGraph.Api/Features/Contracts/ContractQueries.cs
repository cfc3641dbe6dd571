using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Server.Querying;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>Root fields of the contracts feature.</summary>
public sealed class ContractQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("contracts", "Contract", "Contracts, filtered, sorted and paged with keyset cursors."));
        query.AddField(EntityFields.Lookup<Contract, string>(
            "contract", "Contract", "A contract by its number; null when it does not exist.",
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "number", Description = "The contract number, e.g. `CT-004211`." },
            number => c => c.Number == number));
    }
}
