using GraphQL.Types;

namespace ProcurementGraph.Server.Querying.Metadata;

/// <summary>HotChocolate's <c>UUID</c> scalar (GraphQL.NET calls it <c>Guid</c>).</summary>
public sealed class UuidGraphType : GuidGraphType
{
    public UuidGraphType()
    {
        Name = "UUID";
    }
}
