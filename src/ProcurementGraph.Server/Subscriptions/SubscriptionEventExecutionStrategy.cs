using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Server.Subscriptions;

/// <summary>
/// GraphQL.NET's subscription execution with what events need here: each event runs in a service scope of its own (its own
/// data context: several subscriptions of one connection, and several events, never share one), its entity is read for the
/// subscriber first (<see cref="SubscriptionEntityReader"/>) and an event the subscriber may not see is dropped
/// (<see cref="SkippedEvent"/>, never sent); child fields run one after another (one data context).
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
            if (pending.Interruption is { } interruption)
            {
                return ErrorResult(context, node, new ExecutionError(
                    "Events may have been missed: the event bus was interrupted. The subscription goes on; refetch what you show.", interruption)
                {
                    Code = SubscriptionErrorCodes.EventsInterrupted,
                });
            }

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
        finally
        {
            pending.Done();
        }
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
