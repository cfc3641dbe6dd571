namespace ProcurementGraph.Toolkit.Telemetry;

/// <summary>The number of SQL commands run by the GraphQL request in the current flow (see <see cref="SqlCommandTelemetryInterceptor"/>).</summary>
internal sealed class SqlStatementCount
{
    private static readonly AsyncLocal<SqlStatementCount?> CurrentCount = new();
    private int _count;

    public static SqlStatementCount? Current => CurrentCount.Value;

    public int Count => Volatile.Read(ref _count);

    public static SqlStatementCount Begin()
    {
        var count = new SqlStatementCount();
        CurrentCount.Value = count;
        return count;
    }

    public void Increment() => Interlocked.Increment(ref _count);
}
