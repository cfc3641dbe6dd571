namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// A change on its way through the engine: handed to GraphQL.NET's subscription execution as the source event, read and
/// executed by <see cref="SubscriptionEventExecutionStrategy"/>, which reports back when it is done so the subscription
/// sends its next change only then (one event in flight per subscription; the rest wait in its bounded queue).
/// </summary>
internal sealed class PendingChange(EntityChangeStream stream, EntityChange? change, Exception? interruption)
{
    private readonly TaskCompletionSource _processed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EntityChangeStream Stream { get; } = stream;

    public EntityChange? Change { get; } = change;

    /// <summary>The bus lost events: the subscriber gets an error and the subscription goes on.</summary>
    public Exception? Interruption { get; } = interruption;

    /// <summary>
    /// The subscriber's later events of the same commit, in order: the subscriber of a share group that is the first to execute
    /// this change reads and executes those of them that no one of the group has started yet with it, their entities in the same
    /// statement (<see cref="SubscriptionEventExecutionStrategy"/>), so a burst of events costs a group one read, not one per event.
    /// </summary>
    public ArraySegment<PendingChange> Following { get; set; } = ArraySegment<PendingChange>.Empty;

    public Task Processed => _processed.Task;

    public void Done() => _processed.TrySetResult();
}
