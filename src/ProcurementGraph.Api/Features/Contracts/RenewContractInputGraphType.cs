using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;
using DateGraphType = ProcurementGraph.Toolkit.Querying.Metadata.DateGraphType;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary><c>RenewContractInput</c>: extends an ACTIVE or EXPIRED contract's term.</summary>
public sealed class RenewContractInputGraphType : InputObjectGraphType
{
    public RenewContractInputGraphType()
    {
        Name = "RenewContractInput";
        Description = "Extends an ACTIVE or EXPIRED contract (it becomes ACTIVE). Without `endDate` the term is extended by its current length.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The contract.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the contract as you read it.");
        Field<DateGraphType>("endDate").Description("The new last day, after the current one.");
        Field<DecimalScalarGraphType>("annualValue").Description("The value per year from now on; default: unchanged.");
        Field<DecimalScalarGraphType>("totalValue").Description("The value over the whole term; default: grown by the annual value for the added days.");
    }
}
