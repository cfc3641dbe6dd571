using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Server.Querying.Metadata;

namespace ProcurementGraph.Server.Querying.Filtering;

/// <summary><c>ListFilterInputTypeOf{Entity}FilterInput { all none some any }</c>.</summary>
[DoNotRegister]
public sealed class ListFilterInputGraphType : InputObjectGraphType
{
    public ListFilterInputGraphType(string entityTypeName)
    {
        Name = TypeNames.ListFilter(entityTypeName);
        foreach (var operation in new[] { "all", "none", "some" })
        {
            Field(name: operation, type: new GraphQLTypeReference(TypeNames.Filter(entityTypeName)));
        }

        Field<BooleanGraphType>("any");
    }
}
