using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary><c>ListFilterInputTypeOf{Entity}FilterInput { all none some any }</c>.</summary>
[DoNotRegister]
public sealed class ListFilterInputGraphType : InputObjectGraphType
{
    public ListFilterInputGraphType(string entityTypeName)
    {
        Name = TypeNames.ListFilter(entityTypeName);
        Description = $"Filters on a list of `{entityTypeName}`.";
        Field(name: "all", type: new GraphQLTypeReference(TypeNames.Filter(entityTypeName))).Description("Every item matches.");
        Field(name: "none", type: new GraphQLTypeReference(TypeNames.Filter(entityTypeName))).Description("No item matches.");
        Field(name: "some", type: new GraphQLTypeReference(TypeNames.Filter(entityTypeName))).Description("At least one item matches.");
        Field<BooleanGraphType>("any").Description("true: the list has items; false: it is empty.");
    }
}
