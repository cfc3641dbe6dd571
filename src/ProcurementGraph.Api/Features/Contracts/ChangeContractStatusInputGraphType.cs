using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary><c>ChangeContractStatusInput</c>: DRAFT → ACTIVE → EXPIRED / TERMINATED.</summary>
public sealed class ChangeContractStatusInputGraphType : InputObjectGraphType
{
    public ChangeContractStatusInputGraphType()
    {
        Name = "ChangeContractStatusInput";
        Description = "Moves a contract along its life cycle: DRAFT → ACTIVE → EXPIRED or TERMINATED.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The contract.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the contract as you read it.");
        Field<NonNullGraphType<EnumerationGraphType<ContractStatus>>>("status").Description("The new status.");
    }
}
