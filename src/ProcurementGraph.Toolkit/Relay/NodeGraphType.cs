using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>The Relay <c>Node</c> interface, as HotChocolate declares it.</summary>
public sealed class NodeGraphType : InterfaceGraphType<object>
{
    public NodeGraphType()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the object.");
        ResolveType = value => (value as Row)?.Shape.Entity;
    }
}
