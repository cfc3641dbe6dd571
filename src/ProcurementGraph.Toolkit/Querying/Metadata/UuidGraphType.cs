using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>UUID</c> scalar (GraphQL.NET calls it <c>Guid</c>).</summary>
public sealed class UuidGraphType : GuidGraphType
{
    public UuidGraphType()
    {
        Name = "UUID";
        Description = "The `UUID` scalar type represents a globally unique identifier (RFC 4122), e.g. `\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"`.";
    }
}
