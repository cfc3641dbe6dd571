using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary><c>{Field}Connection</c> of groups, shaped as every other connection: <c>pageInfo</c>, <c>edges</c>, <c>nodes</c>, <c>totalCount</c>.</summary>
[DoNotRegister]
public sealed class AggregateConnectionGraphType : ObjectGraphType<AggregatePage>
{
    public AggregateConnectionGraphType(string fieldName, string groupTypeName)
    {
        Name = TypeNames.Connection(fieldName);
        Description = "A connection to a list of groups.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(c => c.Source.PageInfo);
        Field("edges", new ListGraphType(new NonNullGraphType(new AggregateEdgeGraphType(fieldName, groupTypeName))))
            .Description("A list of edges.")
            .Resolve(c => c.Source.Nodes);
        Field("nodes", new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(groupTypeName))))
            .Description("A flattened list of the groups.")
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of groups in the connection (after `having`).")
            .Resolve(c => c.Source.TotalCount);
    }
}

/// <summary><c>{Field}Edge</c>: a group with its cursor.</summary>
[DoNotRegister]
public sealed class AggregateEdgeGraphType : ObjectGraphType<AggregateGroup>
{
    public AggregateEdgeGraphType(string fieldName, string groupTypeName)
    {
        Name = TypeNames.Edge(fieldName);
        Description = "An edge in a connection of groups.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("A cursor for use in pagination.")
            .Resolve(c => c.Source.Cursor);
        Field("node", new NonNullGraphType(new GraphQLTypeReference(groupTypeName)))
            .Description("The group at the end of the edge.")
            .Resolve(c => c.Source);
    }
}
