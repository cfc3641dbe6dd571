using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Server.Querying.Metadata;

namespace ProcurementGraph.Server.Querying.Sorting;

/// <summary><c>{Entity}SortInput</c>: <c>SortEnumType</c> per sortable scalar, nested inputs for related objects.</summary>
[DoNotRegister]
public sealed class EntitySortInputGraphType : InputObjectGraphType
{
    public EntitySortInputGraphType(IEntityGraphType entity)
    {
        Name = TypeNames.Sort(entity.Name);
        foreach (var field in entity.QueryFields.Values.Where(f => f.Sortable))
        {
            Field(name: field.Name, type: new GraphQLTypeReference(field.Kind == QueryFieldKind.Reference ? TypeNames.Sort(field.TargetTypeName!) : TypeNames.SortEnum));
        }
    }
}
