using System.Diagnostics;

namespace ProcurementGraph.Toolkit.Execution;

/// <summary>
/// The deadline of the work running on the current async flow (a GraphQL request under
/// <see cref="ExecutionTimeoutGraphQLBuilderExtensions.AddExecutionTimeout"/>, a health check): data layers read
/// <see cref="Remaining"/> to bound what cannot observe a <see cref="CancellationToken"/>, such as a driver's
/// wait for a locked database (<see cref="DeadlineCommandInterceptor"/>).
/// </summary>
public static class ExecutionDeadline
{
    private static readonly AsyncLocal<long?> DeadlineTimestamp = new();

    /// <summary>Time left before the current deadline (zero once passed), or null when no deadline is set.</summary>
    public static TimeSpan? Remaining
    {
        get
        {
            if (DeadlineTimestamp.Value is not { } deadline)
            {
                return null;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Sets a deadline <paramref name="timeout"/> from now for this async flow (an earlier enclosing deadline wins);
    /// disposing the result restores the enclosing one.
    /// </summary>
    public static IDisposable Begin(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var previous = DeadlineTimestamp.Value;
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        DeadlineTimestamp.Value = previous is { } enclosing && enclosing < deadline ? enclosing : deadline;
        return new Scope(previous);
    }

    private sealed class Scope(long? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                DeadlineTimestamp.Value = previous;
            }
        }
    }
}
