using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>What an event object's fields resolve from: the committed change and its entity as the subscriber may see it.</summary>
public sealed class SubscriptionEvent(EntityChange change, Row entity)
{
    public EntityChange Change { get; } = change;

    /// <summary>The entity read for this subscriber (its selection, row rules and field rules), after the write committed.</summary>
    public Row Entity { get; } = entity;
}
