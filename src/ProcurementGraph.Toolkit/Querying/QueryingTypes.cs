using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// Adds the entity types (referenced by name everywhere) and the types the querying toolkit generates from the entity types' metadata to a schema: filter, sort and
/// operation inputs, <c>SortEnumType</c>, one <c>{Field}Connection</c>/<c>{Field}Edge</c> per connection name, and the types of
/// the aggregate root fields (<see cref="AggregateTypes"/>).
/// </summary>
public static class QueryingTypes
{
    public static void Register(ISchema schema, IEnumerable<IEntityGraphType> entities, params IComplexGraphType[] roots)
    {
        var entityList = entities.ToList();
        var types = new Dictionary<string, IGraphType> { [TypeNames.SortEnum] = new SortEnumGraphType() };
        foreach (var entity in entityList)
        {
            types[entity.Name] = entity;
            types[TypeNames.Filter(entity.Name)] = new EntityFilterInputGraphType(entity);
            types[TypeNames.Sort(entity.Name)] = new EntitySortInputGraphType(entity);
            // A reference filters with its target's own {Target}FilterInput, registered with that entity (in any order).
            foreach (var field in entity.QueryFields.Values.Where(f => f.Filterable && f.Kind != QueryFieldKind.Reference))
            {
                var name = EntityFilterInputGraphType.InputTypeName(field);
                if (!types.ContainsKey(name))
                {
                    types[name] = field.Kind switch
                    {
                        QueryFieldKind.Value when field.IsGlobalId => OperationFilterInputGraphType.Id(),
                        QueryFieldKind.Value => OperationFilterInputGraphType.For(field.ValueType),
                        _ => new ListFilterInputGraphType(field.TargetTypeName!),
                    };
                }
            }
        }

        foreach (var field in roots.Concat(entityList).SelectMany(type => type.Fields))
        {
            if (field.GetMetadata<string>(TypeNames.ConnectionNodeKey) is { } node && !types.ContainsKey(TypeNames.Connection(field.Name)))
            {
                types[TypeNames.Connection(field.Name)] = new ConnectionGraphType(field.Name, node);
            }
        }

        AggregateTypes.Register(types, entityList.ToDictionary(e => e.Name), roots);
        foreach (var type in types.Values)
        {
            schema.RegisterType(type);
        }

        foreach (var scalar in ScalarTypes.BuiltInGraphTypes)
        {
            schema.RegisterType(scalar);
        }
    }
}
