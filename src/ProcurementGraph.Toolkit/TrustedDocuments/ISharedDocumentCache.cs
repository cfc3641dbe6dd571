namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>
/// A document cache shared by every server process (e.g. Redis), behind <see cref="AutomaticPersistedQueryStore"/>'s bounded
/// local cache: a document registered on one process is found by the others. Failures are the implementation's to absorb
/// (a lookup that cannot reach the cache finds nothing; a registration that cannot reach it stays local).
/// </summary>
public interface ISharedDocumentCache
{
    /// <summary>The text registered under <paramref name="key"/>, or null (unknown, expired or the cache unreachable).</summary>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="text"/> under <paramref name="key"/> for the cache's time to live.</summary>
    ValueTask SetAsync(string key, string text, CancellationToken cancellationToken);
}
