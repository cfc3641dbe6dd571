using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;
using DateGraphType = ProcurementGraph.Toolkit.Querying.Metadata.DateGraphType;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary><c>UpdateContractInput</c>: a partial update of a contract's terms; fields left out keep their values.</summary>
public sealed class UpdateContractInputGraphType : InputObjectGraphType
{
    public UpdateContractInputGraphType()
    {
        Name = "UpdateContractInput";
        Description = "Changes to a contract's terms. Fields left out keep their values; `signedOn` given as null is cleared. The status changes through `changeContractStatus`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The contract to change.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the contract as you read it.");
        Field<StringGraphType>("title").Description("The title, at most 200 characters.");
        Field<DateGraphType>("startDate").Description("The first day of the term.");
        Field<DateGraphType>("endDate").Description("The last day of the term, not before `startDate`.");
        Field<DateGraphType>("signedOn").Description("The day it was signed, not after the start; null clears it.");
        Field<BooleanGraphType>("autoRenew").Description("Whether it renews itself at the end of the term.");
        Field<IntGraphType>("noticePeriodDays").Description("Days of notice to end it, 0..3650.");
        Field<IntGraphType>("paymentTermsDays").Description("Days to pay an invoice, 0..365.");
        Field<DecimalScalarGraphType>("totalValue").Description("The value over the term, reporting currency, at most 2 decimals, below 10^16.");
        Field<DecimalScalarGraphType>("annualValue").Description("The value per year, reporting currency, at most 2 decimals, below 10^16.");
        Field<DecimalScalarGraphType>("baselineAnnualCost").Description("What the supply cost per year before, reporting currency, at most 2 decimals, below 10^16.");
        Field<StringGraphType>("originalCurrency").Description("The ISO 4217 code of the currency it was signed in.");
        Field<DecimalScalarGraphType>("originalTotalValue").Description("The total value in the original currency, at most 2 decimals, below 10^16.");
    }
}
