namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>
/// Counts the HTTP requests the host serves, except its own <c>/bench/*</c> endpoints: in flight, completed or aborted by
/// the client; and gives each request the tally its SQL statements are counted in.
/// </summary>
internal sealed class RequestCountingMiddleware(RequestDelegate next, BenchCounters counters)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(BenchMetricsEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var tally = counters.RequestStarted();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            counters.RequestEnded(tally, context.RequestAborted.IsCancellationRequested);
        }
    }
}
