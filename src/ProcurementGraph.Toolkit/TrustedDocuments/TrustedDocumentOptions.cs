namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>Options of the trusted documents (persisted operations) registered with <see cref="TrustedDocumentServiceCollectionExtensions.AddTrustedDocuments"/>.</summary>
public sealed class TrustedDocumentOptions
{
    /// <summary>The folder name used when <see cref="Path"/> is not set, relative to the content root.</summary>
    public const string DefaultFolder = "trusted-documents";

    /// <summary>
    /// Folder of <c>.graphql</c> files (subfolders included), absolute or relative to the content root. Each file is one
    /// trusted document, registered under the SHA-256 of its bytes (hex, what <c>sha256sum</c> prints) and, when its name
    /// is itself a hex hash (HotChocolate's and Strawberry Shake's <c>&lt;hash&gt;.graphql</c> exports), under that name.
    /// Apollo's <c>persisted-query-manifest.json</c> and Relay's <c>persisted_queries.json</c> in the folder are read too, each
    /// operation registered under the id the tool computed (see <see cref="PersistedQueryManifest"/>).
    /// Unset: <see cref="DefaultFolder"/> when it exists, otherwise no trusted document. Set: the folder must exist.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Accept only trusted documents from every caller: any other document is refused with <c>HC0067</c>.</summary>
    public bool OnlyTrusted { get; set; }

    /// <summary>Accept only trusted documents from callers in any of these roles (<c>ClaimsPrincipal.IsInRole</c>), e.g. <c>Partner</c>.</summary>
    public IList<string> OnlyTrustedForRoles { get; } = [];

    /// <summary>Automatic persisted queries: documents registered at run time by APQ clients (off for "only trusted" callers).</summary>
    public AutomaticPersistedQueryOptions AutomaticPersistedQueries { get; } = new();
}
