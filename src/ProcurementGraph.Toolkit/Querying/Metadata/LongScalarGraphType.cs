using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>Long</c> scalar, with HotChocolate's description.</summary>
public sealed class LongScalarGraphType : LongGraphType
{
    public LongScalarGraphType()
    {
        Name = "Long";
        Description = "The `Long` scalar type represents non-fractional signed whole 64-bit numeric values. Long can represent values between -(2^63) and 2^63 - 1.";
    }
}
