using GraphQL;

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

    /// <summary>
    /// Sends one result as the subscription's next message, in the order of the calls (it must not block; it is never given a
    /// <see cref="SkippedEvent"/>). Given, the events of a subscription that shares its results
    /// (<see cref="EntityChangeStream.ShareKey"/>) leave through it and not through the engine's result stream: a subscriber
    /// whose group has started the event's result already waits for it in its own pump and sends it, without an execution of
    /// its own in the engine (no execution context, no result stream step, no thread hop per subscriber and event). Null: every
    /// result leaves through the engine.
    /// </summary>
    public Action<ExecutionResult>? Send { get; init; }

    /// <summary>Called (at most once per subscription, on the publisher's thread: it must not block) when a queue is full.</summary>
    public Action? Overflow { get; init; }

    /// <summary>
    /// Awaited before each event is handed to the engine: completes when the transport has room for one more message
    /// (its send buffer is below its bound) or the connection ends. A server that is merely behind in a burst makes the
    /// events wait in the subscription's queue instead of overflowing the send buffer; only a connection whose sends do not
    /// drain backs that queue up until it overflows (<see cref="Overflow"/>). Null: no wait.
    /// </summary>
    public Func<CancellationToken, ValueTask>? WaitForRoom { get; init; }
}
