using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>Decimal</c> scalar, with HotChocolate's description.</summary>
public sealed class DecimalScalarGraphType : DecimalGraphType
{
    public DecimalScalarGraphType()
    {
        Name = "Decimal";
        Description = "The `Decimal` scalar type represents a decimal floating-point number.";
    }
}
