using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary><c>DeleteContractInput</c>: the contract to delete.</summary>
public sealed class DeleteContractInputGraphType : InputObjectGraphType
{
    public DeleteContractInputGraphType()
    {
        Name = "DeleteContractInput";
        Description = "The contract to delete; refused while ratings refer to it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The contract.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the contract as you read it.");
    }
}
