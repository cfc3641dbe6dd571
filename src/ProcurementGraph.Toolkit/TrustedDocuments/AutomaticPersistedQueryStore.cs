using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>
/// The documents registered by APQ clients, by the lower-case hex SHA-256 of their text; an in-memory cache bounded by
/// <see cref="AutomaticPersistedQueryOptions.MaxDocuments"/> (each document counts 1 and is at most a request body).
/// When full, a compaction drops the least recently used tenth. With a <see cref="ISharedDocumentCache"/> (several server
/// processes) a registration is also written there, and a hash missing locally is looked up there; a shared document is
/// used only when its text has that hash (the shared cache is not trusted more than a client), then kept locally.
/// </summary>
public sealed class AutomaticPersistedQueryStore : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly ISharedDocumentCache? _shared;

    public AutomaticPersistedQueryStore(IOptions<TrustedDocumentOptions> options, ISharedDocumentCache? shared = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _shared = shared;
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, options.Value.AutomaticPersistedQueries.MaxDocuments),
            CompactionPercentage = 0.1,
        });
    }

    /// <summary>How many documents are registered in this process's cache now.</summary>
    public int Count => _cache.Count;

    /// <summary>The document registered under <paramref name="hash"/> in this process's cache.</summary>
    public bool TryGet(string hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text) =>
        _cache.TryGetValue(Key(hash), out text) && text is not null;

    /// <summary>The document registered under <paramref name="hash"/> here or, when shared, by another process; null when unknown.</summary>
    public async ValueTask<string?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        if (TryGet(hash, out var text))
        {
            return text;
        }

        if (_shared is null || await _shared.GetAsync(Key(hash), cancellationToken).ConfigureAwait(false) is not { } shared
            || !TrustedDocumentStore.ComputeId(shared).Equals(hash, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Keep(hash, shared);
        return shared;
    }

    /// <summary>Registers <paramref name="text"/> under <paramref name="hash"/> (verified by the caller) here and in the shared cache.</summary>
    public async ValueTask RegisterAsync(string hash, string text, CancellationToken cancellationToken)
    {
        var known = TryGet(hash, out _);
        Keep(hash, text);
        if (_shared is not null && !known)
        {
            await _shared.SetAsync(Key(hash), text, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _cache.Dispose();

    private void Keep(string hash, string text) => _cache.Set(Key(hash), text, new MemoryCacheEntryOptions { Size = 1 });

    private static string Key(string hash) => hash.ToLowerInvariant();
}
