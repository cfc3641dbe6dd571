using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace ProcurementGraph.Server.Querying.Paging;

/// <summary><c>{FieldName}Edge</c>: a node with its cursor.</summary>
public sealed class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType(string prefix)
    {
        Name = prefix + "Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("A cursor for use in pagination.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node")
            .Description("The item at the end of the edge.")
            .Resolve(c => c.Source.Node);
    }
}
