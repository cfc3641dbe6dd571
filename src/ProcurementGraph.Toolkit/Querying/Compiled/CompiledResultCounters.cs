namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>How many root fields the compiled path answered and how many it left to the general path (and the last reason).</summary>
public sealed class CompiledResultCounters
{
    private long _compiled;
    private long _general;

    public long Compiled => Interlocked.Read(ref _compiled);

    public long General => Interlocked.Read(ref _general);

    /// <summary>Why the last root field took the general path.</summary>
    public string? LastReason { get; private set; }

    internal void CountCompiled() => Interlocked.Increment(ref _compiled);

    internal void CountGeneral(string reason)
    {
        Interlocked.Increment(ref _general);
        LastReason = reason;
    }
}
