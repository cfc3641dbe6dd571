using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Toolkit.Execution;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// ASP.NET Core health checks: <c>/health/live</c> answers 200 while the process runs (no check), <c>/health/ready</c>
/// reads one row through the configured <see cref="ProcurementDbContext"/> within <c>Health:DatabaseTimeoutSeconds</c>
/// (default 5): 200 when it answers, 503 when it is locked, missing or refused. With <c>Redis:ConnectionString</c> it also
/// has a <c>redis</c> entry: Degraded (still 200, ASP.NET Core's mapping) with a description when Redis is away. Both are
/// anonymous, never rate limited, never cached, and say nothing but the status (the reason is logged; Redis's fixed
/// description names no host).
/// </summary>
public static class HealthRegistration
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string DatabaseCheckName = "database";
    public const string ReadOnlyDatabaseCheckName = "readOnlyDatabase";
    public const string ReadyTag = "ready";
    public const string DatabaseTimeoutSetting = "Health:DatabaseTimeoutSeconds";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IServiceCollection AddProcurementHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = DatabaseTimeout(configuration);
        services.AddHealthChecks().AddDbContextCheck<ProcurementDbContext>(
            DatabaseCheckName,
            HealthStatus.Unhealthy,
            [ReadyTag],
            (db, cancellationToken) => RespondsAsync(db, timeout, cancellationToken));
        // The read replica, when configured: the same read there; a failure is Degraded (still 200: writes, lookups and
        // every field not on the replica keep working), with the reason logged.
        services.AddHealthChecks().Add(new HealthCheckRegistration(ReadOnlyDatabaseCheckName, sp => new ReadOnlyDatabaseCheck(
            sp.GetRequiredService<ReadOnlyDatabase>(), timeout), HealthStatus.Degraded, [ReadyTag]));
        return services;
    }

    public static WebApplication MapProcurementHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    private static TimeSpan DatabaseTimeout(IConfiguration configuration)
    {
        var text = configuration[DatabaseTimeoutSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromSeconds(5);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)
            || seconds < 0.1 || seconds > 3600)
        {
            throw new StartupException($"{DatabaseTimeoutSetting} '{text}' is not a number of seconds between 0.1 and 3600.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// A real read (opening a connection proves little: SQLite opens a locked file, and creates a missing one), bounded by
    /// <paramref name="timeout"/> through the same deadline and cancellation the GraphQL requests use.
    /// </summary>
    private static async Task<bool> RespondsAsync(ProcurementDbContext db, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = ExecutionDeadline.Begin(timeout);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        _ = await db.Suppliers.Select(s => s.Id).FirstOrDefaultAsync(timer.Token).ConfigureAwait(false);
        return true;
    }

    private sealed class ReadOnlyDatabaseCheck(ReadOnlyDatabase replica, TimeSpan timeout) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!replica.IsConfigured)
            {
                return HealthCheckResult.Healthy("Database:ReadOnlyConnectionString is not set.");
            }

            try
            {
                await using var db = replica.Create();
                await RespondsAsync(db, timeout, cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "The read replica does not answer.", e);
            }
        }
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds),

                    // Redis's own text (fixed, naming no host): what a replica does without it. Other checks say nothing but the status.
                    description = e.Key == ReplicasRegistration.HealthCheckName && e.Value.Status != HealthStatus.Healthy
                        ? e.Value.Description
                        : null,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
