using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Subscriptions;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>
/// A mutation sent over a WebSocket (<c>subscribe</c>) with an idempotency key in its <c>extensions</c>
/// (<c>{"idempotencyKey": "…"}</c>; a socket has no per-operation headers): the same rules and the same store as HTTP's
/// <c>Idempotency-Key</c>. A retry with the key (e.g. graphql-ws re-sending the operation after a reconnect) gets the first
/// answer as its <c>next</c> and writes nothing; the key with another request, or while the first still runs, is an
/// <c>error</c> message with <c>IDEMPOTENCY_KEY_REUSED</c> / <c>IDEMPOTENCY_KEY_IN_USE</c>. The key is not part of the
/// request's hash, so an HTTP request and its retry over a socket are one request.
/// </summary>
internal sealed class IdempotentWebSocketMutation
{
    /// <summary>The <c>extensions</c> entry carrying the key.</summary>
    public const string ExtensionKey = "idempotencyKey";

    private const string Where = "extensions." + ExtensionKey;

    private readonly ExecutionOptions _options;
    private readonly IIdempotencyStore _store;
    private readonly IdempotencyOptions _settings;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly string? _key;
    private readonly string _requestHash;

    private IdempotentWebSocketMutation(ExecutionOptions options, IIdempotencyStore store, IdempotencyOptions settings, IGraphQLTextSerializer serializer,
        string? key, string requestHash)
    {
        (_options, _store, _settings, _serializer, _key, _requestHash) = (options, store, settings, serializer, key, requestHash);
    }

    /// <summary>The idempotent handling of the operation, or null when it carries no key, is no mutation or no store is registered.</summary>
    public static IdempotentWebSocketMutation? For(GraphQLRequest request, ExecutionOptions options, IServiceProvider services, IGraphQLTextSerializer serializer)
    {
        if (request.Extensions is not { } extensions || !extensions.TryGetValue(ExtensionKey, out var value)
            || services.GetService<IIdempotencyStore>() is not { } store || !IdempotentMutation.IsMutation(options, services))
        {
            return null;
        }

        var settings = services.GetService<IOptions<IdempotencyOptions>>()?.Value ?? new IdempotencyOptions();
        var key = value is string text && IdempotencyKeys.IsValid(text, settings.MaxKeyLength) ? text : null;
        var others = extensions.Where(e => e.Key != ExtensionKey).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var hash = IdempotencyKeys.Hash(serializer.Serialize(new GraphQLRequest
        {
            Query = request.Query, DocumentId = request.DocumentId, OperationName = request.OperationName, Variables = request.Variables,
            Extensions = others.Count == 0 ? null : new Inputs(others),
        }));
        return new IdempotentWebSocketMutation(options, store, settings, serializer, key, hash);
    }

    /// <summary>Runs the mutation once per key: its answer (executed now or stored before), or the error of a refused key.</summary>
    public async Task<(GraphQLHttpError? Error, ExecutionResult? Result)> RunAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (_key is null)
        {
            return (GraphQLHttpError.IdempotencyKeyInvalid(Where, _settings.MaxKeyLength), null);
        }

        var storeKey = IdempotencyKeys.For(user, _key);
        var claim = await _store.ClaimAsync(storeKey, _requestHash, DateTime.UtcNow.AddHours(_settings.ExpirationHours), cancellationToken).ConfigureAwait(false);
        switch (claim.Status)
        {
            case IdempotencyClaimStatus.Replay:
                return (null, new SharedEventResult(claim.Response!.Body));
            case IdempotencyClaimStatus.OtherRequest:
                return (GraphQLHttpError.IdempotencyKeyReused(Where), null);
            case IdempotencyClaimStatus.InProgress:
                return (GraphQLHttpError.IdempotencyKeyInUse(Where), null);
        }

        try
        {
            var result = await GraphQLRequestExecution.ExecuteAsync(_options).ConfigureAwait(false);
            var body = await GraphQLHttpResponseWriter.SerializeAsync(_serializer, result, CancellationToken.None).ConfigureAwait(false);
            const GraphQLResponseMediaType MediaType = GraphQLResponseMediaType.GraphQLResponseJson;
            await _store.CompleteAsync(storeKey, new IdempotentResponse(GraphQLHttpRequestHandler.GetStatusCode(result, MediaType),
                GraphQLHttpMediaTypes.ToContentType(MediaType), body), CancellationToken.None).ConfigureAwait(false);
            return (null, new SharedEventResult(body));
        }
        catch
        {
            await _store.ReleaseAsync(storeKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
