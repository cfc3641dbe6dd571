using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Sorting;

/// <summary><c>{Entity}SortInput</c>: <c>SortEnumType</c> per sortable scalar, nested inputs for related objects.</summary>
[DoNotRegister]
public sealed class EntitySortInputGraphType : InputObjectGraphType
{
    public EntitySortInputGraphType(IEntityGraphType entity)
    {
        Name = TypeNames.Sort(entity.Name);
        Description = $"Orders `{entity.Name}` rows by the given fields, in order; the key is always the last sort key.";
        foreach (var field in entity.QueryFields.Values.Where(f => f.Sortable))
        {
            var type = new GraphQLTypeReference(field.Kind == QueryFieldKind.Reference ? TypeNames.Sort(field.TargetTypeName!) : TypeNames.SortEnum);
            Field(name: field.Name, type: type).Description(entity.GetField(field.Name)?.Description);
        }
    }
}
