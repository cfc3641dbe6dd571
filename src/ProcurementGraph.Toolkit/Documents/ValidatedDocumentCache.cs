using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// Keeps the parsed documents that passed validation, keyed by their text, so a request that sends a known document is
/// neither parsed nor put through the document-only rules again: it runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>
/// — the rules that depend on the variables or the caller (cost, depth, introspection, typed IDs, ... registered with
/// <c>useForCachedDocuments</c>) — and GraphQL.NET's variable and argument coercion, which runs for every document.
/// A document is kept only when its request passed validation (the result was executed); one that failed is parsed and
/// validated again each time. Bounded by the total length of the texts it keeps (<see cref="DocumentCacheOptions.Capacity"/>,
/// least recently used go first); a text longer than <see cref="DocumentCacheOptions.MaxDocumentLength"/> is not kept.
/// Requests that bring their own parsed document pass by; GET looks its document up here to refuse mutations first.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution, IKnownDocuments, IDisposable
{
    private readonly MemoryCache _documents;
    private readonly DocumentCacheOptions _options;
    private long _hits;
    private long _standingHits;
    private long _misses;

    public ValidatedDocumentCache(DocumentCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Capacity, CompactionPercentage = 0.25, TrackStatistics = true });
    }

    /// <summary>
    /// Inside the limits' wrapper (200), which turns a "validate only" answer into an executed one: the cache sees the
    /// executer's own verdict. After the option configurations (100) and the field-merge replacement (150), so the rules
    /// for cached documents are complete when a hit takes them.
    /// </summary>
    public float SortOrder => 250;

    /// <summary>Requests answered with a kept document.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests answered with a kept document that ran no validation rule, since every rule's verdict stood.</summary>
    public long StandingHits => Interlocked.Read(ref _standingHits);

    /// <summary>Requests whose document was parsed and validated (and kept if valid).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Documents kept now.</summary>
    public long Count => _documents.Count;

    /// <summary>The total length of the texts kept now (at most <see cref="DocumentCacheOptions.Capacity"/>).</summary>
    public long Size => _documents.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public bool IsKnown(string query) => TryGet(query, out _);

    public bool TryGet(string query, [NotNullWhen(true)] out GraphQLDocument? document)
    {
        ArgumentNullException.ThrowIfNull(query);
        document = null;
        return query.Length <= _options.MaxDocumentLength && _documents.TryGetValue(query, out document) && document is not null;
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is not { } query || query.Length > _options.MaxDocumentLength)
        {
            return await next(options).ConfigureAwait(false);
        }

        if (TryGet(query, out var kept))
        {
            Interlocked.Increment(ref _hits);
            options.Document = kept;
            var rules = options.CachedDocumentValidationRules ?? [];
            if (EveryVerdictStands(rules, kept, options))
            {
                Interlocked.Increment(ref _standingHits);
                rules = [];
            }

            options.ValidationRules = rules;

            return await next(options).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _misses);
        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        }

        return result;
    }

    /// <summary>Whether no rule for kept documents need run for this request (<see cref="IStandingVerdictRule"/>).</summary>
    private static bool EveryVerdictStands(IEnumerable<IValidationRule> rules, GraphQLDocument kept, ExecutionOptions options)
    {
        foreach (var rule in rules)
        {
            if (rule is not IStandingVerdictRule standing || !standing.VerdictStands(kept, options))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => _documents.Dispose();
}
