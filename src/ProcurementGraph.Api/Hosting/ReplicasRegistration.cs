using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcurementGraph.Toolkit.Redis;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// Several replicas behind a load balancer (<c>Redis:*</c>): with <c>Redis:ConnectionString</c> they share one Redis for the
/// subscription event bus, the rate limiter's counters and the APQ documents, and <c>/health/ready</c> reports it (Degraded
/// when it is away: reads and writes still work). Without it nothing here is registered and everything stays in process.
/// </summary>
public static class ReplicasRegistration
{
    public const string SectionName = "Redis";
    public const string ConnectionStringSetting = "Redis:ConnectionString";
    public const string HealthCheckName = "redis";

    /// <summary>Whether <c>Redis:ConnectionString</c> is set.</summary>
    public static bool UsesRedis(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]);

    public static IServiceCollection AddProcurementReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        if (!UsesRedis(configuration))
        {
            return services;
        }

        var section = configuration.GetSection(SectionName);
        services.AddRedisBackplane(new RedisBackplaneOptions
        {
            ConnectionString = configuration[ConnectionStringSetting]!,
            KeyPrefix = section["KeyPrefix"] is { Length: > 0 } prefix ? prefix : "procurement-graph:",
            DocumentTimeToLive = TimeSpan.FromHours(section.GetValue("PersistedQueryTtlHours", 24)),
        });

        // Degraded, not Unhealthy: without Redis a replica still reads and writes (in-process limits, APQ and events), so a load
        // balancer that takes Unhealthy replicas out must not take every replica out when Redis goes away.
        services.AddHealthChecks().AddRedisCheck(HealthCheckName, HealthStatus.Degraded, [HealthRegistration.ReadyTag]);
        return services;
    }
}
