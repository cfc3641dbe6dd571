using System.Security.Claims;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>
/// <c>node(id:)</c> and <c>nodes(ids:)</c>: any entity by global ID, through the same projection and row rules
/// as the lists (an ID the caller may not see answers null, as if it did not exist).
/// </summary>
public static class NodeFields
{
    /// <summary>HotChocolate's <c>MaxAllowedNodeBatchSize</c>.</summary>
    public const int MaxBatchSize = 10;

    public static FieldType Node() => new()
    {
        Name = "node",
        Description = "Fetches an object given its ID.",
        ResolvedType = new GraphQLTypeReference("Node"),
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "ID of the object." }),
        Resolver = new FuncFieldResolver<object>(async context =>
            (await LoadAsync(context, [context.GetArgument<string>("id")]).ConfigureAwait(false))[0]),
    };

    public static FieldType Nodes() => new()
    {
        Name = "nodes",
        Description = "Lookup nodes by a list of IDs.",
        ResolvedType = new NonNullGraphType(new ListGraphType(new GraphQLTypeReference("Node"))),
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>> { Name = "ids", Description = "The list of node IDs." }),
        Resolver = new FuncFieldResolver<object>(async context =>
        {
            var ids = context.GetArgument<List<string>>("ids");
            if (ids.Count > MaxBatchSize)
            {
                var error = new ExecutionError($"The maximum number of nodes that can be fetched at once is {MaxBatchSize}. This selection tried to fetch {ids.Count} nodes that exceeded the maximum allowed amount.") { Code = "HC0076" };
                error.Data["requestedNodes"] = ids.Count;
                error.Data["maxAllowedNodes"] = MaxBatchSize;
                throw error;
            }

            return await LoadAsync(context, ids).ConfigureAwait(false);
        }),
    };

    /// <summary>
    /// One statement per entity type among the IDs; results in the order of the IDs, null where not found. A malformed ID
    /// fails <c>node</c>; in <c>nodes</c> it is null with its error at <c>["nodes", i]</c> and the other IDs still load
    /// (HotChocolate fails the whole non-null list, and so the whole response: a deliberate superset, docs/DECISIONS.md).
    /// </summary>
    private static async Task<Row?[]> LoadAsync(IResolveFieldContext context, List<string> ids)
    {
        var results = new Row?[ids.Count];
        var decoded = new List<(int Index, string Id, (IEntityGraphType? Entity, object? Value) Key)>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!GlobalId.TryDecode(ids[i], out _, out _))
            {
                var error = NodeIdErrors.InvalidFormat(ids[i]);
                if (context.FieldDefinition.Name == "node")
                {
                    throw error;
                }

                error.Path = context.Path.Append(i);
                context.Errors.Add(error);
                continue;
            }

            decoded.Add((i, ids[i], Decode(context, ids[i])));
        }

        var wanted = decoded.Where(x => x.Key.Entity is not null);
        var access = context.RequestServices?.GetService(typeof(IFieldAccess)) as IFieldAccess;
        foreach (var group in wanted.GroupBy(x => x.Key.Entity!))
        {
            var entity = group.Key;
            if (access is not null && !await access.CanReadAsync(context.User ?? new ClaimsPrincipal(), entity, entity.GetField("id")!).ConfigureAwait(false))
            {
                // A caller who may not read a type's IDs gets null, as for an ID that does not exist.
                continue;
            }

            var element = Expression.Parameter(entity.EntityType, "x");
            var key = ParameterReplacer.Apply(entity.Key, element);
            var keys = group.Select(x => x.Key.Value).Distinct().ToList();
            var predicate = Expression.Lambda(QueryParameter.Contains(keys, key), element);
            var rows = await EntityQuery.ManyAsync(context, entity.Name, predicate, keys.Count, includeKey: true).ConfigureAwait(false);
            var byKey = rows.ToDictionary(row => row.Values[row.Shape.KeyIndex]!);
            foreach (var (index, _, (_, value)) in group)
            {
                results[index] = byKey.GetValueOrDefault(value!);
            }
        }

        return results;
    }

    private static (IEntityGraphType? Entity, object? Value) Decode(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var key))
        {
            throw NodeIdErrors.InvalidFormat(id);
        }

        if (context.Schema.AllTypes[typeName] is not IEntityGraphType entity || !entity.ResolvedInterfaces.Any(i => i.Name == "Node"))
        {
            return (null, null);
        }

        return GlobalId.TryParseKey(key, entity.Key.ReturnType, out var value) ? (entity, value) : (null, null);
    }
}
