namespace ProcurementGraph.Toolkit.Documents;

/// <summary>Bounds of <see cref="ValidatedDocumentCache"/>.</summary>
public sealed class DocumentCacheOptions
{
    /// <summary>The total length, in characters, of the document texts kept; <c>0</c> turns the cache off.</summary>
    public long Capacity { get; set; } = 1024 * 1024;

    /// <summary>Longer document texts are parsed and validated for their request and not kept.</summary>
    public int MaxDocumentLength { get; set; } = 64 * 1024;
}
