namespace ProcurementGraph.Toolkit.Redis;

/// <summary>What <see cref="RedisServiceCollectionExtensions.AddRedisBackplane"/> connects to and how it names its keys.</summary>
public sealed class RedisBackplaneOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c> or <c>host:6380,ssl=true,password=...</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Put before every key and channel, so several applications (or environments) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "graphql:";

    /// <summary>How long a registered APQ document is kept in Redis after its registration. Default 24 hours.</summary>
    public TimeSpan DocumentTimeToLive { get; set; } = TimeSpan.FromHours(24);
}
