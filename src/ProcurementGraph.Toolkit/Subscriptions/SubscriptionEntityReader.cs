using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQL.Types;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Projection;
using ProcurementGraph.Toolkit.Querying.Selection;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// Reads events' entities for one subscriber through the query toolkit, as <c>node(id:)</c> would: by key, with the
/// subscriber's row rules and its own filter (its arguments) in the same statement, projecting exactly what it selected under
/// the event's entity field (the key alone when it selected nothing there). No row for a change: the subscriber may not see the
/// entity or did not ask for it, and that event is not delivered. One statement for the changes read together (a burst's events
/// for a share group, <see cref="EntityChangeStream.ShareKey"/>; plus the usual one per level of batch-loaded lists below a page),
/// whose results the group shares (<see cref="SubscriptionEventExecutionStrategy"/>).
/// </summary>
internal static class SubscriptionEntityReader
{
    /// <summary>The entity of each change the subscriber may see and its filter accepts (a change missing from the answer is no event for it).</summary>
    public static async Task<Dictionary<EntityChange, Row>> ReadAsync(
        EntityChangeStream stream, ExecutionContext context, ExecutionNode node, IReadOnlyList<EntityChange> changes)
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
        var keyType = entity.Key.Body.Type;
        var keyOf = new Dictionary<EntityChange, object>(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            keyOf[change] = KeyValue(change.Key, keyType);
        }

        read.CancellationToken = context.CancellationToken;
        var rows = await EntityQuery.ByKeysAsync(read, entity, keyOf.Values.Distinct().ToList(), [read.FieldAst.SelectionSet!], stream.Filter).ConfigureAwait(false);
        var entities = new Dictionary<EntityChange, Row>(ReferenceEqualityComparer.Instance);
        foreach (var (change, key) in keyOf)
        {
            if (rows.TryGetValue(key, out var row))
            {
                entities[change] = row;
            }
        }

        return entities;
    }

    private static object KeyValue(string key, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) ? key
            : target == typeof(Guid) ? Guid.Parse(key)
            : Convert.ChangeType(key, target, CultureInfo.InvariantCulture);
    }
}
