using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>Byte</c> scalar, with HotChocolate's description.</summary>
public sealed class ByteScalarGraphType : ByteGraphType
{
    public ByteScalarGraphType()
    {
        Name = "Byte";
        Description = "The `Byte` scalar type represents non-fractional whole numeric values. Byte can represent values between 0 and 255.";
    }
}
