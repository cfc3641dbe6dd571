namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>
/// The host's counters: HTTP requests served (outside <c>/bench/*</c>), split into completed and aborted by the client,
/// requests in flight, and SQL statements executed, in total and by completed requests (each request tallies its own).
/// </summary>
internal sealed class BenchCounters
{
    private readonly AsyncLocal<RequestTally?> current = new();
    private long requests;
    private long aborted;
    private long inFlight;
    private long sqlStatements;
    private long requestSqlStatements;

    /// <summary>Requests that ran to the end (the client still listening), whatever their status.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Requests whose client went away first (e.g. wrk closing its connections at the end of a window).</summary>
    public long Aborted => Interlocked.Read(ref aborted);

    public long InFlight => Interlocked.Read(ref inFlight);

    /// <summary>Every SQL statement, start-up and health checks included.</summary>
    public long SqlStatements => Interlocked.Read(ref sqlStatements);

    /// <summary>The SQL statements of the requests counted in <see cref="Requests"/>.</summary>
    public long RequestSqlStatements => Interlocked.Read(ref requestSqlStatements);

    public RequestTally RequestStarted()
    {
        Interlocked.Increment(ref inFlight);
        var tally = new RequestTally();
        current.Value = tally;
        return tally;
    }

    public void RequestEnded(RequestTally tally, bool abortedByClient)
    {
        if (abortedByClient)
        {
            Interlocked.Increment(ref aborted);
        }
        else
        {
            Interlocked.Increment(ref requests);
            Interlocked.Add(ref requestSqlStatements, tally.Statements);
        }

        Interlocked.Decrement(ref inFlight);
    }

    public void SqlStatementExecuting()
    {
        Interlocked.Increment(ref sqlStatements);
        current.Value?.StatementExecuting();
    }
}
