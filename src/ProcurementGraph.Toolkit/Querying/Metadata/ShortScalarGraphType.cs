using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>Short</c> scalar, with HotChocolate's description.</summary>
public sealed class ShortScalarGraphType : ShortGraphType
{
    public ShortScalarGraphType()
    {
        Name = "Short";
        Description = "The `Short` scalar type represents non-fractional signed whole 16-bit numeric values. Short can represent values between -(2^15) and 2^15 - 1.";
    }
}
