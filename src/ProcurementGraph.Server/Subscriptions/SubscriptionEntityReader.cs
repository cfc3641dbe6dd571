using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQL.Types;
using GraphQLParser.AST;
using ProcurementGraph.Server.Querying;
using ProcurementGraph.Server.Querying.Expressions;
using ProcurementGraph.Server.Querying.Projection;
using ProcurementGraph.Server.Querying.Selection;

namespace ProcurementGraph.Server.Subscriptions;

/// <summary>
/// Reads an event's entity for one subscriber through the query toolkit, as <c>node(id:)</c> would: by key, with the
/// subscriber's row rules and its own filter (its arguments) in the same statement, projecting exactly what it selected under
/// the event's entity field (the key alone when it selected nothing there). No row: the subscriber may not see the entity or did
/// not ask for it, and the event is not delivered. One statement per event and subscriber (plus the usual one per level of
/// batch-loaded lists below a page); subscribers sharing a key (<see cref="EntityChangeStream.ShareKey"/>) share it.
/// </summary>
internal static class SubscriptionEntityReader
{
    // Per published change (the same instance reaches every listener of this process): the reads already started, by share key.
    private static readonly ConditionalWeakTable<EntityChange, ConcurrentDictionary<string, Lazy<Task<Row?>>>> Shared = new();

    public static async Task<SubscriptionEvent?> ReadAsync(EntityChangeStream stream, ExecutionContext context, ExecutionNode node, EntityChange change)
    {
        var root = new ReadonlyResolveFieldContext(node, context);
        var definition = stream.Definition;
        var eventType = (IComplexGraphType)node.FieldDefinition.ResolvedType!.GetNamedType();
        var entityField = eventType.GetField(definition.EntityField)
            ?? throw new InvalidOperationException($"{eventType.Name} has no field {definition.EntityField}.");

        // Every selection of the entity field (aliases and fragments merged) is read in one projection.
        var selections = SelectionCollector.Collect(root, eventType, [root.FieldAst.SelectionSet!])
            .Where(s => s.Definition == entityField)
            .SelectMany(s => s.SelectionSets)
            .SelectMany(set => set.Selections)
            .ToList();
        var read = new ResolveFieldContext(root)
        {
            FieldAst = new GraphQLField(new GraphQLName(entityField.Name)) { SelectionSet = new GraphQLSelectionSet(selections) },
            FieldDefinition = entityField,
            ParentType = (IObjectGraphType)eventType,
            Source = null,
            Arguments = null,
            RequestServices = context.RequestServices,
        };

        var entity = new QueryScope(read).Entity(definition.EntityTypeName);
        var element = Expression.Parameter(entity.EntityType, "x");
        var key = ParameterReplacer.Apply(entity.Key, element);
        Expression matches = Expression.Equal(key, QueryParameter.Of(KeyValue(change.Key, key.Type), key.Type));
        if (stream.Filter is { } filter)
        {
            matches = Expression.AndAlso(matches, ParameterReplacer.Apply(filter, element));
        }

        var predicate = Expression.Lambda(matches, element);
        Row? row;
        if (stream.ShareKey is { } shareKey)
        {
            // The first subscriber of a group reads with its own services (the group's rules are the same for all) and waits for
            // the read to finish, so its scope outlives it; the others wait for the same read.
            read.CancellationToken = CancellationToken.None;
            var reads = Shared.GetValue(change, static _ => new ConcurrentDictionary<string, Lazy<Task<Row?>>>(StringComparer.Ordinal));
            var mine = new Lazy<Task<Row?>>(() => EntityQuery.SingleAsync(read, definition.EntityTypeName, predicate));
            var shared = reads.GetOrAdd(shareKey, mine);
            row = ReferenceEquals(shared, mine)
                ? await shared.Value.ConfigureAwait(false)
                : await shared.Value.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            read.CancellationToken = context.CancellationToken;
            row = await EntityQuery.SingleAsync(read, definition.EntityTypeName, predicate).ConfigureAwait(false);
        }

        return row is null ? null : new SubscriptionEvent(change, row);
    }

    private static object KeyValue(string key, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) ? key
            : target == typeof(Guid) ? Guid.Parse(key)
            : Convert.ChangeType(key, target, CultureInfo.InvariantCulture);
    }
}
