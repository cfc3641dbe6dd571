using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.Subscriptions;
using ProcurementGraph.Toolkit.TrustedDocuments;
using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>Registers Redis as what several server processes share.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="IConnectionMultiplexer"/> (<see cref="RedisConnection.Options"/>), the <see cref="RedisEntityChangeBus"/> as
    /// the <see cref="IEntityChangeBus"/> (subscribed when the host starts), Redis behind the APQ store
    /// (<see cref="ISharedDocumentCache"/>) and <see cref="RedisRateLimiters"/> for a partitioned rate limiter.
    /// </summary>
    public static IServiceCollection AddRedisBackplane(this IServiceCollection services, RedisBackplaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var configuration = RedisConnection.Options(options.ConnectionString);
        services.AddSingleton(options);
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedisConnection).FullName!);
            var redis = ConnectionMultiplexer.Connect(configuration);
            if (!redis.IsConnected)
            {
                RedisLog.NotConnectedAtStart(logger);
            }

            return redis;
        });
        services.AddGraphQLSubscriptions();
        services.TryAddSingleton<RedisEntityChangeBus>();
        services.AddSingleton<IEntityChangeBus>(provider => provider.GetRequiredService<RedisEntityChangeBus>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisEntityChangeBus>());
        services.TryAddSingleton<ISharedDocumentCache, RedisDocumentCache>();
        services.TryAddSingleton<RedisRateLimiters>();
        return services;
    }

    /// <summary>The <see cref="RedisHealthCheck"/> under <paramref name="name"/>, <paramref name="failureStatus"/> when Redis is away.</summary>
    public static IHealthChecksBuilder AddRedisCheck(this IHealthChecksBuilder builder, string name, HealthStatus failureStatus, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name,
            provider => new RedisHealthCheck(provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetService<RedisEntityChangeBus>()),
            failureStatus, tags, TimeSpan.FromSeconds(5)));
    }
}

internal static partial class RedisLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable at start: serving in process, connecting in the background")]
    public static partial void NotConnectedAtStart(ILogger logger);
}
