namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// What a transport tells the subscriptions it runs (through the execution's user context): how many events one subscription
/// may hold while earlier ones are read and sent, and what to do when a subscription's queue is full (a slow consumer: the
/// transport closes the connection, so memory never grows).
/// </summary>
public sealed class SubscriptionTransport
{
    public const string UserContextKey = "ProcurementGraph.Subscriptions.Transport";

    /// <summary>Events one subscription queues at most (default 256).</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Called (at most once per subscription, on the publisher's thread: it must not block) when a queue is full.</summary>
    public Action? Overflow { get; init; }
}
