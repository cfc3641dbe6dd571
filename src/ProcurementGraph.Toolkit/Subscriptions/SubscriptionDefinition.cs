using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// One subscription field: <c>onSomething(arguments): SomethingEvent!</c>, an event object holding the changed entity under
/// its camelCased type name (read through the query toolkit, with the subscriber's row and field rules) and the event's own
/// fields (what changed), fed by the committed changes of one entity type that <see cref="Accepts"/> picks.
/// </summary>
public sealed class SubscriptionDefinition
{
    /// <summary>The field name, e.g. <c>onContractStatusChanged</c>.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The event object type's name, e.g. <c>ContractStatusChangedEvent</c>.</summary>
    public required string EventTypeName { get; init; }

    public required string EventDescription { get; init; }

    /// <summary>The entity type whose committed changes feed the subscription, e.g. <c>Contract</c>.</summary>
    public required string EntityTypeName { get; init; }

    /// <summary>The event's entity field; default: the entity type's name camelCased.</summary>
    public string? EntityFieldName { get; init; }

    /// <summary>The field's arguments (which rows the subscriber wants), read by <see cref="Filter"/>.</summary>
    public QueryArguments Arguments { get; init; } = [];

    /// <summary>Which committed changes of the entity type are events of this subscription (e.g. those that changed <c>status</c>).</summary>
    public required Func<EntityChange, bool> Accepts { get; init; }

    /// <summary>
    /// The rows the subscriber asked for, from its arguments (null: every row it may see), as a predicate over the entity;
    /// read once when it subscribes and applied with its row rules in the statement that reads each event's entity.
    /// </summary>
    public Func<IResolveFieldContext, LambdaExpression?>? Filter { get; init; }

    /// <summary>The event's own fields besides the entity, resolved from a <see cref="SubscriptionEvent"/> source.</summary>
    public IReadOnlyList<FieldType> EventFields { get; init; } = [];

    public string EntityField => EntityFieldName ?? char.ToLowerInvariant(EntityTypeName[0]) + EntityTypeName[1..];
}
