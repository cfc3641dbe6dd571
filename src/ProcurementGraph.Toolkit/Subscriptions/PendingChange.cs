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

    public Task Processed => _processed.Task;

    public void Done() => _processed.TrySetResult();
}
