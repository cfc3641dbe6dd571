using GraphQL;
using GraphQL.DI;

namespace ProcurementGraph.Server.Execution;

/// <summary>
/// Bounds every execution by a timeout: the request's <see cref="ExecutionOptions.CancellationToken"/> is linked to a
/// timer, so resolvers and the SQL commands they start are cancelled when it fires, and
/// <see cref="ExecutionDeadline"/> tells data layers how long is left. A request that runs out of time gets one
/// <see cref="ExecutionTimeoutError"/> and no data, whether the cancellation surfaced as an
/// <see cref="OperationCanceledException"/> or as a driver error (an interrupted statement) turned into a field error.
/// </summary>
internal sealed class ExecutionTimeout(TimeSpan timeout) : IConfigureExecution
{
    /// <summary>Outermost: the timeout covers parsing, validation and every other execution configuration.</summary>
    public float SortOrder => 0;

    public TimeSpan Timeout { get; } = timeout;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var requestToken = options.CancellationToken;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(requestToken);
        timer.CancelAfter(Timeout);
        options.CancellationToken = timer.Token;
        using var deadline = ExecutionDeadline.Begin(Timeout);
        try
        {
            var result = await next(options).ConfigureAwait(false);
            return TimedOut() && result.Errors is { Count: > 0 } ? TimeoutResult() : result;
        }
        catch (OperationCanceledException) when (TimedOut())
        {
            return TimeoutResult();
        }
        finally
        {
            options.CancellationToken = requestToken;
        }

        bool TimedOut() => timer.IsCancellationRequested && !requestToken.IsCancellationRequested;
    }

    private ExecutionResult TimeoutResult() => new() { Errors = [new ExecutionTimeoutError(Timeout)] };
}
