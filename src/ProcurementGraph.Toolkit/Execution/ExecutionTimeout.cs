using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using ProcurementGraph.Toolkit.Documents;

namespace ProcurementGraph.Toolkit.Execution;

/// <summary>
/// Bounds every request by one deadline, from parsing to the last resolver: the request's
/// <see cref="ExecutionOptions.CancellationToken"/> is linked to a timer, so resolvers and the SQL commands they start are
/// cancelled when it fires, and <see cref="ExecutionDeadline"/> tells data layers how long is left. A request that runs out
/// of time gets one <see cref="ExecutionTimeoutError"/> and no data, whether the cancellation surfaced as an
/// <see cref="OperationCanceledException"/> or as a driver error (an interrupted statement) turned into a field error.
/// <para>
/// Parsing and validation are CPU work that observes no token, so they run off the request's flow: when the deadline (or the
/// client's disconnection) comes before execution has begun, the answer is given at once and the abandoned work is never
/// allowed to start executing (it can no longer touch the request's services). A document that passed validation before
/// and is kept parsed (<see cref="IKnownDocuments"/>) is neither parsed nor put through the document-only rules again: it
/// runs in the request's flow, without the hop to the thread pool.
/// </para>
/// </summary>
internal sealed class ExecutionTimeout(TimeSpan timeout, IKnownDocuments? knownDocuments = null) : IConfigureExecution
{
    /// <summary>Outermost: the timeout covers parsing, validation and every other execution configuration.</summary>
    public float SortOrder => 0;

    public TimeSpan Timeout { get; } = timeout;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var requestToken = options.CancellationToken;
        var timer = CancellationTokenSource.CreateLinkedTokenSource(requestToken);
        timer.CancelAfter(Timeout);
        options.CancellationToken = timer.Token;
        var phase = new ExecutionPhase();
        options.Listeners.Add(phase);

        Task<ExecutionResult> work;
        using (ExecutionDeadline.Begin(Timeout))
        {
            work = IsKnown(options) ? next(options) : Task.Run(() => next(options), CancellationToken.None);
        }

        // A kept document whose resolvers completed in the request's flow is done already: nothing to race.
        Task first = work;
        if (!work.IsCompleted)
        {
            // Completes when the timer fires or the client goes away, whichever is first.
            var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (timer.Token.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), cancelled))
            {
                first = await Task.WhenAny(work, cancelled.Task).ConfigureAwait(false);
            }
        }

        if (first != work && phase.TryAbandon())
        {
            // Still parsing or validating at the deadline, or the client went away: answer now, let the work finish unseen.
            _ = work.ContinueWith(static (finished, state) =>
            {
                _ = finished.Exception;
                ((IDisposable)state!).Dispose();
            }, timer, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            requestToken.ThrowIfCancellationRequested();
            return TimeoutResult();
        }

        try
        {
            var result = await work.ConfigureAwait(false);
            return TimedOut() && result.Errors is { Count: > 0 } ? TimeoutResult() : result;
        }
        catch (OperationCanceledException) when (TimedOut())
        {
            return TimeoutResult();
        }
        finally
        {
            options.CancellationToken = requestToken;
            timer.Dispose();
        }

        bool TimedOut() => timer.IsCancellationRequested && !requestToken.IsCancellationRequested;
    }

    private bool IsKnown(ExecutionOptions options) =>
        knownDocuments is not null && options.Document is null && options.Query is { } query && knownDocuments.IsKnown(query);

    private ExecutionResult TimeoutResult() => new() { Errors = [new ExecutionTimeoutError(Timeout)] };

    /// <summary>Whether execution has begun; once the request is abandoned before that, execution never begins.</summary>
    private sealed class ExecutionPhase : DocumentExecutionListenerBase
    {
        private const int Validating = 0;
        private const int Executing = 1;
        private const int Abandoned = 2;
        private int _state;

        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Validating) != Executing;

        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            if (Interlocked.CompareExchange(ref _state, Executing, Validating) == Abandoned)
            {
                throw new OperationCanceledException("The request was answered before its execution could begin.");
            }

            return Task.CompletedTask;
        }
    }
}
