using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>The arguments of a connection field, named and described as HotChocolate does.</summary>
public static class ConnectionArguments
{
    public static void AddTo(FieldType field, string nodeTypeName)
    {
        field.Arguments ??= new QueryArguments();
        field.Arguments.Add(new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ elements from the list." });
        field.Arguments.Add(new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." });
        field.Arguments.Add(new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last _n_ elements from the list." });
        field.Arguments.Add(new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." });
        field.Arguments.Add(new QueryArgument(new GraphQLTypeReference(TypeNames.Filter(nodeTypeName))) { Name = "where" });
        field.Arguments.Add(new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(TypeNames.Sort(nodeTypeName))))) { Name = "order" });
        field.Metadata[TypeNames.ConnectionNodeKey] = nodeTypeName;
    }
}
