namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>Automatic persisted queries (Apollo's APQ, as HotChocolate serves them): documents clients register at run time.</summary>
public sealed class AutomaticPersistedQueryOptions
{
    /// <summary>
    /// Whether a request with a <c>query</c> and a matching <c>extensions.persistedQuery.sha256Hash</c> registers the text under
    /// that hash, so that later requests may send the hash alone. Never for callers who may send trusted documents only
    /// (<see cref="TrustedDocumentOptions.OnlyTrusted"/>, <see cref="TrustedDocumentOptions.OnlyTrustedForRoles"/>): they
    /// neither register nor run registered documents. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many registered documents are kept in memory (least recently used ones go first). Default 1000.</summary>
    public int MaxDocuments { get; set; } = 1000;
}
