namespace ProcurementGraph.Server.Mutations;

/// <summary>A tracked row the caller may see, and whether the write rules let it change it (read in the same statement).</summary>
public sealed class Candidate<T>
    where T : class
{
    public T Entity { get; set; } = null!;

    public bool Writable { get; set; }
}
