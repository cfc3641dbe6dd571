using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>Registers the counters and maps <c>GET /bench/metrics</c>.</summary>
internal static class BenchMetricsEndpoints
{
    public const string Prefix = "/bench";

    public static IServiceCollection AddBenchMetrics(this IServiceCollection services)
    {
        services.AddSingleton<BenchCounters>();
        services.AddSingleton<AllocationMeter>();
        services.AddSingleton<IInterceptor, SqlStatementCounter>();
        return services;
    }

    /// <summary>
    /// <c>GET /bench/metrics</c>, counters since the start: requests completed and aborted (<c>/bench/*</c> excluded), requests
    /// in flight, SQL statements (all, and those of completed requests), bytes allocated (all threads; see
    /// <see cref="AllocationMeter"/>) and the drops of the runtime's counter seen, the working set and its peak (VmHWM) in
    /// bytes, garbage collections per generation.
    /// </summary>
    public static WebApplication MapBenchMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<AllocationMeter>(); // starts sampling now
        app.MapGet(Prefix + "/metrics", (BenchCounters counters, AllocationMeter allocations) =>
        {
            using var process = Process.GetCurrentProcess();
            return TypedResults.Ok(new BenchMetrics(
                counters.Requests,
                counters.Aborted,
                counters.InFlight,
                counters.SqlStatements,
                counters.RequestSqlStatements,
                allocations.Read(),
                allocations.Drops,
                process.WorkingSet64,
                process.PeakWorkingSet64,
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2)));
        });
        return app;
    }
}
