namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>What <c>GET /bench/metrics</c> answers: counters since the host started (see <see cref="BenchMetricsEndpoints"/>).</summary>
internal sealed record BenchMetrics(
    long Requests,
    long Aborted,
    long InFlight,
    long SqlStatements,
    long RequestSqlStatements,
    long AllocatedBytes,
    long AllocationCounterDrops,
    long WorkingSet,
    long PeakWorkingSet,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections);
