using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary><c>{Entity}FilterInput</c>: <c>and</c>, <c>or</c> and one operation input per filterable field.</summary>
[DoNotRegister]
public sealed class EntityFilterInputGraphType : InputObjectGraphType
{
    public EntityFilterInputGraphType(IEntityGraphType entity)
    {
        Name = TypeNames.Filter(entity.Name);
        Description = $"Filters `{entity.Name}` rows: every field given must match.";
        Field(name: "and", type: new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(Name)))).Description("Every filter of the list must match.");
        Field(name: "or", type: new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(Name)))).Description("At least one filter of the list must match.");
        foreach (var field in entity.QueryFields.Values.Where(f => f.Filterable))
        {
            Field(name: field.Name, type: new GraphQLTypeReference(InputTypeName(field))).Description(entity.GetField(field.Name)?.Description);
        }
    }

    /// <summary>The input type filtering <paramref name="field"/>.</summary>
    public static string InputTypeName(QueryField field) => field.Kind switch
    {
        QueryFieldKind.Value when field.IsGlobalId => TypeNames.IdOperation,
        QueryFieldKind.Value => TypeNames.Operation(ScalarTypes.OperationPrefix(field.ValueType, EnumNames.Of)),
        QueryFieldKind.Reference => TypeNames.Filter(field.TargetTypeName!),
        _ => TypeNames.ListFilter(field.TargetTypeName!),
    };
}
