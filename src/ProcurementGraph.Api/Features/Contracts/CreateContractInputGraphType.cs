using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;
using DateGraphType = ProcurementGraph.Toolkit.Querying.Metadata.DateGraphType;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary><c>CreateContractInput</c>: a new contract (status DRAFT).</summary>
public sealed class CreateContractInputGraphType : InputObjectGraphType
{
    public CreateContractInputGraphType()
    {
        Name = "CreateContractInput";
        Description = "A new contract with a supplier in a category, owned by a business unit; it starts as a DRAFT.";
        Field<NonNullGraphType<StringGraphType>>("number").Description("The unique contract number, at most 32 characters, e.g. `CT-009001`.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title, at most 200 characters.");
        Field<NonNullGraphType<IdGraphType>>("supplierId").Description("The supplier.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("The category.");
        Field<NonNullGraphType<IdGraphType>>("ownerId").Description("The business unit that uses it.");
        Field<NonNullGraphType<DateGraphType>>("startDate").Description("The first day of the term.");
        Field<NonNullGraphType<DateGraphType>>("endDate").Description("The last day of the term, not before `startDate`.");
        Field<DateGraphType>("signedOn").Description("The day it was signed, not after the start.");
        Field<BooleanGraphType>("autoRenew").Description("Whether it renews itself; default false.");
        Field<NonNullGraphType<IntGraphType>>("noticePeriodDays").Description("Days of notice to end it, 0..3650.");
        Field<NonNullGraphType<IntGraphType>>("paymentTermsDays").Description("Days to pay an invoice, 0..365.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("totalValue").Description("The value over the term, reporting currency.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("annualValue").Description("The value per year, reporting currency.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("baselineAnnualCost").Description("What the supply cost per year before, reporting currency.");
        Field<NonNullGraphType<StringGraphType>>("originalCurrency").Description("The ISO 4217 code of the currency it was signed in.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("originalTotalValue").Description("The total value in the original currency.");
    }
}
