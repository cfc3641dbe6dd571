using GraphQL.Types;

namespace ProcurementGraph.Server.Querying.Metadata;

/// <summary>HotChocolate's <c>Decimal</c> scalar, with a description.</summary>
public sealed class DecimalScalarGraphType : DecimalGraphType
{
    public DecimalScalarGraphType()
    {
        Description = "The `Decimal` scalar type represents a decimal floating-point number (money amounts are in the reporting currency).";
    }
}
