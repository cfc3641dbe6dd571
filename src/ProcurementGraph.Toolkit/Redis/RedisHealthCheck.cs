using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>
/// Redis answers a <c>PING</c> and the event bus listens on its channel; else the registration's failure status (the server
/// still serves without Redis: register it as Degraded) with a description that names no host or secret.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis, RedisEntityChangeBus? bus = null) : IHealthCheck
{
    public const string UnreachableDescription =
        "Redis is unreachable: rate limits and APQ documents are per process, subscriptions get no events from other processes until it is back.";

    public const string NotListeningDescription = "Redis answers, but this process does not listen for other processes' events yet.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, UnreachableDescription);
        }

        return bus is { IsListening: false }
            ? new HealthCheckResult(context.Registration.FailureStatus, NotListeningDescription)
            : HealthCheckResult.Healthy("Redis answers.");
    }
}
