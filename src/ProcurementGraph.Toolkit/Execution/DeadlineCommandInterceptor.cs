using System.Data.Common;

namespace ProcurementGraph.Toolkit.Execution;

/// <summary>
/// Shortens the <see cref="DbCommand.CommandTimeout"/> of every EF Core command to what is left of the current
/// <see cref="ExecutionDeadline"/> (whole seconds rounded down, at least 1). Drivers that do not observe the
/// cancellation token while they wait (Microsoft.Data.Sqlite retries a locked database until the command timeout)
/// then give up near the request's deadline instead of after the configured command timeout.
/// Register it as an EF Core interceptor (e.g. <c>services.AddSingleton&lt;IInterceptor, DeadlineCommandInterceptor&gt;()</c>
/// where the contexts take their interceptors from DI).
/// </summary>
public sealed class DeadlineCommandInterceptor : CommandExecutingInterceptor
{
    /// <summary>The command timeout (seconds) for <paramref name="configured"/> with <paramref name="remaining"/> left; 0 means none.</summary>
    public static int ClampedTimeout(int configured, TimeSpan? remaining)
    {
        if (remaining is not { } left)
        {
            return configured;
        }

        // Whole seconds, rounded down (the command gives up before the deadline rather than up to a second after it), at least 1.
        var seconds = (int)Math.Clamp(Math.Floor(left.TotalSeconds), 1, int.MaxValue);
        return configured <= 0 ? seconds : Math.Min(configured, seconds);
    }

    protected override void OnExecuting(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var timeout = ClampedTimeout(command.CommandTimeout, ExecutionDeadline.Remaining);
        if (timeout != command.CommandTimeout)
        {
            command.CommandTimeout = timeout;
        }
    }
}
