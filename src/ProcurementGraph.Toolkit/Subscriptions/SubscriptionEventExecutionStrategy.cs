using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// GraphQL.NET's subscription execution with what events need here: the events executed together run in a service scope of
/// their own (their own data context: several subscriptions of one connection, and several events at once, never share one),
/// their entities are read for the subscriber first, in one statement (<see cref="SubscriptionEntityReader"/>), and an event
/// the subscriber may not see is dropped (<see cref="SkippedEvent"/>, never sent); child fields run one after another (one
/// data context). Subscribers with the same <see cref="EntityChangeStream.ShareKey"/> (same group of rules, document and
/// variables) share each event: the first one to process it reads, executes and serializes it (<see cref="SharedEventResult"/>)
/// together with the later events of its commit that no one of the group has started (<see cref="PendingChange.Commit"/>:
/// a burst costs a group one read), the others wait for those results, so an event costs the same statements and
/// serializations for 1 or 1,000 subscribers of one shape.
/// </summary>
public sealed class SubscriptionEventExecutionStrategy(IServiceScopeFactory scopes) : SubscriptionExecutionStrategy(SerialExecutionStrategy.Instance)
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(node);
        if (value is not PendingChange pending)
        {
            return await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
        }

        try
        {
            var result = await ProcessChangeAsync(context, node, pending).ConfigureAwait(false);
            if (!pending.Stream.SendsItself)
            {
                return result;
            }

            // Sent here, before the processing ends (the pump waits for that): in order with the events the pump sends itself.
            if (result is not SkippedEvent && !context.CancellationToken.IsCancellationRequested)
            {
                pending.Stream.Transport.Send!(result);
            }

            return SkippedEvent.Instance;
        }
        finally
        {
            pending.Done();
        }
    }

    private async ValueTask<ExecutionResult> ProcessChangeAsync(ExecutionContext context, ExecutionNode node, PendingChange pending)
    {
        if (pending.Interruption is { } interruption)
        {
            return ErrorResult(context, node, new ExecutionError(
                "Events may have been missed: the event bus was interrupted. The subscription goes on; refetch what you show.", interruption)
            {
                Code = SubscriptionErrorCodes.EventsInterrupted,
            });
        }

        if (pending.Stream.ShareKey is not { } shareKey)
        {
            var alone = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            await ExecuteAsync(context, node, pending.Stream, [new(pending.Change!, alone)], serialize: false).ConfigureAwait(false);
            return await alone.Task.ConfigureAwait(false);
        }

        // The first subscriber of the group executes for all, to the end even if it leaves meanwhile (the others wait for it);
        // each waits only as long as it stays. No lock is held while the first one reads and executes (a Lazy's would block
        // every other subscriber's thread of the group for the whole read: a burst's fan-out then queued on one lock).
        var token = context.CancellationToken;
        var mine = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = SharedEventResults.GetOrAdd(pending.Change!, shareKey, mine.Task);
        if (ReferenceEquals(shared, mine.Task))
        {
            context.CancellationToken = CancellationToken.None;
            try
            {
                await ExecuteAsync(context, node, pending.Stream, Claim(pending, shareKey, mine), serialize: true).ConfigureAwait(false);
            }
            finally
            {
                context.CancellationToken = token;
            }

            return token.IsCancellationRequested ? SkippedEvent.Instance : await mine.Task.ConfigureAwait(false);
        }

        if (shared.IsCompletedSuccessfully)
        {
            return shared.Result; // executed already: no wait, no thread hop
        }

        try
        {
            return await shared.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return SkippedEvent.Instance; // the subscriber left while its event was processed
        }
    }

    /// <summary>
    /// The change being processed and, after it, the subscriber's later events of its commit (<see cref="PendingChange.Commit"/>)
    /// whose group result no one has started: this subscriber starts them now, for the group, and executes them with its own.
    /// </summary>
    private static List<ClaimedChange> Claim(
        PendingChange pending, string shareKey, TaskCompletionSource<ExecutionResult> mine)
    {
        var claimed = new List<ClaimedChange> { new(pending.Change!, mine) };
        for (var i = pending.IndexInCommit + 1; i < pending.Commit.Count; i++)
        {
            var change = pending.Commit[i];
            if (!pending.Stream.CouldMatch(change))
            {
                continue; // not an event of this subscriber (nor of its group: same arguments)
            }

            var result = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (ReferenceEquals(SharedEventResults.GetOrAdd(change, shareKey, result.Task), result.Task))
            {
                claimed.Add(new(change, result));
            }
        }

        return claimed;
    }

    /// <summary>
    /// Reads the changes' entities for the subscriber in one statement (in a service scope of their own) and executes its
    /// selection for each, in order, completing each change's result as soon as it is made (serialized once for the group
    /// when <paramref name="serialize"/>). Every result is completed: with the event, a skip, an error result, or the exception.
    /// </summary>
    private async Task ExecuteAsync(ExecutionContext context, ExecutionNode node, EntityChangeStream stream,
        List<ClaimedChange> changes, bool serialize)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            Dictionary<EntityChange, Row> entities;
            try
            {
                entities = await SubscriptionEntityReader.ReadAsync(stream, context, node, changes.Select(c => c.Change).ToList()).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                Complete(changes, SkippedEvent.Instance); // the subscriber left while its event was read
                return;
            }
            catch (ExecutionError error)
            {
                Complete(changes, ErrorResult(context, node, error));
                return;
            }
            catch (Exception exception)
            {
                var error = await HandleExceptionAsync(context, node, exception,
                    $"Could not read the event's {stream.Definition.EntityTypeName}.").ConfigureAwait(false);
                Complete(changes, ErrorResult(context, node, error));
                return;
            }

            var serializer = serialize ? scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>() : null;
            for (var i = 0; i < changes.Count; i++)
            {
                var (change, result) = changes[i];
                if (!entities.TryGetValue(change, out var entity))
                {
                    result.TrySetResult(SkippedEvent.Instance);
                    continue;
                }

                // The first change runs in the engine's context; each other (a group's, so serialized here) in a clone of it
                // with errors of its own, disposed once its result is bytes.
                using var clone = i == 0 ? null : CloneExecutionContext(context, context.CancellationToken);
                try
                {
                    var executed = await base.ProcessDataAsync(clone ?? context, node, new SubscriptionEvent(change, entity)).ConfigureAwait(false);
                    result.TrySetResult(serializer is null ? executed : new SharedEventResult(serializer.Serialize(executed)));
                }
                catch (Exception e)
                {
                    result.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            foreach (var (_, result) in changes)
            {
                result.TrySetException(e);
            }
        }
    }

    private static void Complete(List<ClaimedChange> changes, ExecutionResult result)
    {
        foreach (var (_, completion) in changes)
        {
            completion.TrySetResult(result);
        }
    }

    /// <summary>A change this subscriber executes and the result it completes with it (for the group, or for itself alone).</summary>
    private readonly record struct ClaimedChange(EntityChange Change, TaskCompletionSource<ExecutionResult> Result);

    private static ExecutionResult ErrorResult(ExecutionContext context, ExecutionNode node, ExecutionError error)
    {
        error.Path = node.ResponsePath;
        error.AddLocation(node.Field, context.Document);
        return new ExecutionResult { Errors = [error] };
    }
}

/// <summary>The result of an event the subscriber does not receive (it may not see the entity, or its arguments exclude it): transports send nothing.</summary>
public sealed class SkippedEvent : ExecutionResult
{
    public static SkippedEvent Instance { get; } = new();

    private SkippedEvent()
    {
    }
}
