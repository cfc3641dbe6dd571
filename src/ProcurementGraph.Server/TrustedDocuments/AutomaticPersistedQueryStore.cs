using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Server.TrustedDocuments;

/// <summary>
/// The documents registered by APQ clients, by the lower-case hex SHA-256 of their text; an in-memory cache bounded by
/// <see cref="AutomaticPersistedQueryOptions.MaxDocuments"/> (each document counts 1 and is at most a request body).
/// When full, a compaction drops the least recently used tenth.
/// </summary>
public sealed class AutomaticPersistedQueryStore : IDisposable
{
    private readonly MemoryCache _cache;

    public AutomaticPersistedQueryStore(IOptions<TrustedDocumentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, options.Value.AutomaticPersistedQueries.MaxDocuments),
            CompactionPercentage = 0.1,
        });
    }

    /// <summary>How many documents are registered now.</summary>
    public int Count => _cache.Count;

    public bool TryGet(string hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text) =>
        _cache.TryGetValue(Key(hash), out text) && text is not null;

    /// <summary>Registers <paramref name="text"/> under <paramref name="hash"/>, which the caller has verified.</summary>
    public void Register(string hash, string text) =>
        _cache.Set(Key(hash), text, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _cache.Dispose();

    private static string Key(string hash) => hash.ToLowerInvariant();
}
