using Microsoft.Extensions.Logging;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>
/// Logs one warning when a user of Redis first finds it unreachable and one line when it answers again, instead of one per
/// request while it is away.
/// </summary>
internal sealed partial class RedisOutage(ILogger logger, string what)
{
    private int _down;

    public void Failed(Exception error)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogDown(logger, what, error.Message);
        }
    }

    public void Succeeded()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogBack(logger, what);
        }
    }

    /// <summary>Whether <paramref name="error"/> is Redis being unreachable or too slow (not a bug of the caller).</summary>
    public static bool IsOutage(Exception error) => error is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: {What} in process until it is back ({Error})")]
    private static partial void LogDown(ILogger logger, string what, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again: {What} shared again")]
    private static partial void LogBack(ILogger logger, string what);
}
