using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// <c>{FieldName}Connection</c> as HotChocolate names it from the field (<c>suppliers</c> →
/// <c>SuppliersConnection</c>): <c>pageInfo</c>, <c>edges</c>, <c>nodes</c> and <c>totalCount</c>.
/// </summary>
[DoNotRegister]
public sealed class ConnectionGraphType : ObjectGraphType<Page>
{
    /// <param name="fieldName">The connection field's name; the type names are derived from it.</param>
    /// <param name="nodeTypeName">The node type's name.</param>
    public ConnectionGraphType(string fieldName, string nodeTypeName)
    {
        Name = TypeNames.Connection(fieldName);
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(c => c.Source.PageInfo);
        Field("edges", new ListGraphType(new NonNullGraphType(new EdgeGraphType(fieldName, nodeTypeName))))
            .Description("A list of edges.")
            .Resolve(c => c.Source.Edges);
        Field("nodes", new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(nodeTypeName))))
            .Description("A flattened list of the nodes.")
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection.")
            .Resolve(c => c.Source.TotalCount);
    }
}
