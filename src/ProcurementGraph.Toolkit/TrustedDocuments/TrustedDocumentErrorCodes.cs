namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>HotChocolate's error codes for persisted operations, used for trusted documents.</summary>
public static class TrustedDocumentErrorCodes
{
    /// <summary>The requested document id (<c>documentId</c> or APQ's <c>sha256Hash</c>) is not a trusted document (status 400).</summary>
    public const string PersistedOperationNotFound = "HC0020";

    /// <summary>Only trusted documents are accepted from the caller and the request sent another document (status 400).</summary>
    public const string OnlyPersistedOperationsAllowed = "HC0067";

    /// <summary>
    /// An APQ request whose <c>sha256Hash</c> is not the SHA-256 of its <c>query</c> (status 400, nothing runs). HotChocolate has
    /// no code for it; the message is Apollo's (<c>provided sha does not match query</c>), which APQ clients know.
    /// </summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
}
