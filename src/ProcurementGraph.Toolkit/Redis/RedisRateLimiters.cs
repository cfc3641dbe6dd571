using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>Makes the <see cref="RedisFixedWindowRateLimiter"/> of each partition (use it in a <see cref="PartitionedRateLimiter"/>).</summary>
public sealed class RedisRateLimiters(IConnectionMultiplexer redis, RedisBackplaneOptions options, ILogger<RedisRateLimiters> logger)
{
    private readonly RedisOutage _outage = new(logger, "rate limits are counted");

    public RateLimiter Create(string partition, FixedWindowRateLimiterOptions window)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentNullException.ThrowIfNull(window);
        return new RedisFixedWindowRateLimiter(redis, options.KeyPrefix + "rate:" + partition, window, _outage);
    }
}
