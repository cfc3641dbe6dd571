using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// GraphQL.NET's subscription execution with what events need here: each event runs in a service scope of its own (its own
/// data context: several subscriptions of one connection, and several events, never share one), its entity is read for the
/// subscriber first (<see cref="SubscriptionEntityReader"/>) and an event the subscriber may not see is dropped
/// (<see cref="SkippedEvent"/>, never sent); child fields run one after another (one data context). Subscribers with the
/// same <see cref="EntityChangeStream.ShareKey"/> (same group of rules, document and variables) share each event: the first
/// one to process it reads, executes and serializes it (<see cref="SharedEventResult"/>), the others wait for that result,
/// so an event costs the same statements and serializations for 1 or 1,000 subscribers of one shape.
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
            return await ExecuteAsync(context, node, pending).ConfigureAwait(false);
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
                mine.SetResult(await ExecuteSharedAsync(context, node, pending).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                mine.SetException(e);
                throw;
            }
            finally
            {
                context.CancellationToken = token;
            }

            return token.IsCancellationRequested ? SkippedEvent.Instance : mine.Task.Result;
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

    private async Task<ExecutionResult> ExecuteSharedAsync(ExecutionContext context, ExecutionNode node, PendingChange pending)
    {
        var services = context.RequestServices;
        var result = await ExecuteAsync(context, node, pending).ConfigureAwait(false);
        if (result is SkippedEvent || services?.GetService<IGraphQLTextSerializer>() is not { } serializer)
        {
            return result;
        }

        return new SharedEventResult(serializer.Serialize(result));
    }

    /// <summary>Reads the event's entity for the subscriber (in a service scope of the event's own) and executes its selection.</summary>
    private async Task<ExecutionResult> ExecuteAsync(ExecutionContext context, ExecutionNode node, PendingChange pending)
    {
        await using var scope = scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        SubscriptionEvent? @event;
        try
        {
            @event = await SubscriptionEntityReader.ReadAsync(pending.Stream, context, node, pending.Change!).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return SkippedEvent.Instance; // the subscriber left while its event was read
        }
        catch (ExecutionError error)
        {
            return ErrorResult(context, node, error);
        }
        catch (Exception exception)
        {
            var error = await HandleExceptionAsync(context, node, exception,
                $"Could not read the event's {pending.Stream.Definition.EntityTypeName}.").ConfigureAwait(false);
            return ErrorResult(context, node, error);
        }

        return @event is null ? SkippedEvent.Instance : await base.ProcessDataAsync(context, node, @event).ConfigureAwait(false);
    }

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
