namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// A change on its way through the engine: handed to GraphQL.NET's subscription execution as the source event, read and
/// executed by <see cref="SubscriptionEventExecutionStrategy"/>, which reports back when it is done so the subscription
/// sends its next change only then (one event in flight per subscription; the rest wait in its bounded queue).
/// </summary>
internal sealed class PendingChange(EntityChangeStream stream, EntityChange? change, Exception? interruption)
{
    private static readonly TaskCompletionSource AlreadyDone = Completed();

    // Made only when someone waits: most changes of a share group's members never enter the engine (they send the group's result).
    private TaskCompletionSource? _processed;

    public EntityChangeStream Stream { get; } = stream;

    public EntityChange? Change { get; } = change;

    /// <summary>The bus lost events: the subscriber gets an error and the subscription goes on.</summary>
    public Exception? Interruption { get; } = interruption;

    /// <summary>
    /// The changes of the commit this one came with (<see cref="IEntityChangeListener.OnChanges"/>) and its place among them:
    /// the subscriber of a share group that is the first to execute this change reads and executes the later ones its subscriber
    /// receives too (<see cref="EntityChangeStream.CouldMatch"/>) and no one of the group has started yet with it, their entities
    /// in the same statement (<see cref="SubscriptionEventExecutionStrategy"/>), so a burst costs a group one read, not one per event.
    /// </summary>
    public IReadOnlyList<EntityChange> Commit { get; init; } = [];

    public int IndexInCommit { get; init; }

    public Task Processed
    {
        get
        {
            var processed = Volatile.Read(ref _processed);
            if (processed is null)
            {
                var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                processed = Interlocked.CompareExchange(ref _processed, mine, null) ?? mine;
            }

            return processed.Task;
        }
    }

    public void Done() => (Interlocked.CompareExchange(ref _processed, AlreadyDone, null) ?? AlreadyDone).TrySetResult();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
