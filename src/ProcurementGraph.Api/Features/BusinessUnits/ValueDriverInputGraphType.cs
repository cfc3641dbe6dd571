using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary><c>ValueDriverInput</c>: one value driver of a <c>setValueDrivers</c> list.</summary>
public sealed class ValueDriverInputGraphType : InputObjectGraphType
{
    public ValueDriverInputGraphType()
    {
        Name = "ValueDriverInput";
        Description = "One value driver of a business unit and its weight.";
        Field<NonNullGraphType<EnumerationGraphType<ValueDriverKind>>>("driver").Description("What is valued.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("weight").Description("The share of the unit's judgement, in (0, 1], at most 4 decimals.");
    }
}
