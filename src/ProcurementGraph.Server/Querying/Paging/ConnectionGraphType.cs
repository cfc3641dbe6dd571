using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace ProcurementGraph.Server.Querying.Paging;

/// <summary>
/// <c>{FieldName}Connection</c> as HotChocolate names it from the field (<c>suppliers</c> →
/// <c>SuppliersConnection</c>): <c>pageInfo</c>, <c>edges</c>, <c>nodes</c> and <c>totalCount</c>.
/// </summary>
public sealed class ConnectionGraphType<TNodeGraphType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
{
    /// <param name="fieldName">The connection field's name; the type names are derived from it.</param>
    public ConnectionGraphType(string fieldName)
    {
        var prefix = char.ToUpperInvariant(fieldName[0]) + fieldName[1..];
        Name = prefix + "Connection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(c => c.Source.PageInfo);
        Field("edges", new ListGraphType(new NonNullGraphType(new EdgeGraphType<TNodeGraphType, TNode>(prefix))))
            .Description("A list of edges.")
            .Resolve(c => c.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(c => c.Source.Edges?.Select(e => e.Node));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection.")
            .Resolve(c => c.Source.TotalCount);
    }
}
