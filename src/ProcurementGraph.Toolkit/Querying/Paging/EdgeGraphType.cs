using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary><c>{FieldName}Edge</c>: a node with its cursor.</summary>
[DoNotRegister]
public sealed class EdgeGraphType : ObjectGraphType<Edge>
{
    public EdgeGraphType(string fieldName, string nodeTypeName)
    {
        Name = TypeNames.Edge(fieldName);
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("A cursor for use in pagination.")
            .Resolve(c => c.Source.Cursor);
        Field("node", new NonNullGraphType(new GraphQLTypeReference(nodeTypeName)))
            .Description("The item at the end of the edge.")
            .Resolve(c => c.Source.Node);
    }
}
