using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>How the server connects: never failing its start on Redis, and never waiting for a Redis that is away.</summary>
public static class RedisConnection
{
    /// <summary>
    /// The options of <paramref name="connectionString"/> (throws <see cref="ArgumentException"/> for a malformed one), with
    /// <c>AbortOnConnectFail=false</c> (the process starts and serves while Redis is down; the multiplexer keeps reconnecting and
    /// resubscribes) and a fail-fast backlog (a command while disconnected fails at once instead of queueing until its timeout,
    /// so the callers fall back to what they do in process at once).
    /// </summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = ConfigurationOptions.Parse(connectionString);
        if (options.EndPoints.Count == 0)
        {
            throw new ArgumentException("it names no host (e.g. localhost:6379).", nameof(connectionString));
        }

        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}
