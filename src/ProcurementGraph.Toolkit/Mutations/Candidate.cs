namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>A row the caller may see (tracked) or a projection of it, and whether the write rules let the caller change it (read in the same statement).</summary>
public sealed class Candidate<T>
    where T : class
{
    public T Entity { get; set; } = null!;

    public bool Writable { get; set; }
}
