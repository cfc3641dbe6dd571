namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>The SQL statements one HTTP request executed (flows with the request's async context).</summary>
internal sealed class RequestTally
{
    private int statements;

    public int Statements => Volatile.Read(ref statements);

    public void StatementExecuting() => Interlocked.Increment(ref statements);
}
