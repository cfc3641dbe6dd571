using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>
/// A mutation POSTed with an <c>Idempotency-Key</c>: the first request with a key runs and its answer is stored; a retry
/// with the same key and request by the same caller gets that answer again (header <c>Idempotency-Replayed: true</c>)
/// and writes nothing; the same key with another request is 422 <c>IDEMPOTENCY_KEY_REUSED</c>; while the first one
/// still runs, 409 <c>IDEMPOTENCY_KEY_IN_USE</c>. Only when an <see cref="IIdempotencyStore"/> is registered.
/// </summary>
internal sealed class IdempotentMutation
{
    private readonly HttpContext _context;
    private readonly ExecutionOptions _options;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IIdempotencyStore _store;
    private readonly IdempotencyOptions _settings;
    private readonly string? _key;
    private readonly string _requestHash;

    private IdempotentMutation(HttpContext context, ExecutionOptions options, IGraphQLTextSerializer serializer, IIdempotencyStore store,
        IdempotencyOptions settings, string? key, string requestHash)
    {
        (_context, _options, _serializer, _store, _settings, _key, _requestHash) = (context, options, serializer, store, settings, key, requestHash);
    }

    /// <summary>The idempotent handling of the request, or null when it has no key, is no mutation or no store is registered.</summary>
    public static IdempotentMutation? For(HttpContext context, ExecutionOptions options, GraphQLRequest request, IGraphQLTextSerializer serializer)
    {
        // The header first: the store is scoped (a database store rents a DbContext), and most requests carry no key.
        var services = context.RequestServices;
        var settings = services.GetService<IOptions<IdempotencyOptions>>()?.Value ?? new IdempotencyOptions();
        var header = context.Request.Headers[settings.HeaderName];
        if (header.Count == 0 || services.GetService<IIdempotencyStore>() is not { } store || !IsMutation(options, services))
        {
            return null;
        }

        var key = header.Count == 1 && IdempotencyKeys.IsValid(header[0]!, settings.MaxKeyLength) ? header[0] : null;
        var hash = IdempotencyKeys.Hash(serializer.Serialize(new GraphQLRequest
        {
            Query = request.Query, DocumentId = request.DocumentId, OperationName = request.OperationName, Variables = request.Variables, Extensions = request.Extensions,
        }));
        return new IdempotentMutation(context, options, serializer, store, settings, key, hash);
    }

    public async Task HandleAsync(GraphQLResponseMediaType mediaType)
    {
        if (_key is null)
        {
            await GraphQLHttpResponseWriter.WriteErrorAsync(_context, _serializer, GraphQLHttpError.IdempotencyKeyInvalid(_settings.HeaderName, _settings.MaxKeyLength), mediaType)
                .ConfigureAwait(false);
            return;
        }

        var storeKey = IdempotencyKeys.For(_context.User, _key);
        var expiresAt = DateTime.UtcNow.AddHours(_settings.ExpirationHours);
        var claim = await _store.ClaimAsync(storeKey, _requestHash, expiresAt, _context.RequestAborted).ConfigureAwait(false);
        switch (claim.Status)
        {
            case IdempotencyClaimStatus.Replay:
                var stored = claim.Response!;
                await GraphQLHttpResponseWriter.WriteBytesAsync(_context, stored.StatusCode, stored.ContentType, stored.Body, replayed: true).ConfigureAwait(false);
                return;
            case IdempotencyClaimStatus.OtherRequest:
                await GraphQLHttpResponseWriter.WriteErrorAsync(_context, _serializer, GraphQLHttpError.IdempotencyKeyReused(_settings.HeaderName), mediaType).ConfigureAwait(false);
                return;
            case IdempotencyClaimStatus.InProgress:
                await GraphQLHttpResponseWriter.WriteErrorAsync(_context, _serializer, GraphQLHttpError.IdempotencyKeyInUse(_settings.HeaderName), mediaType).ConfigureAwait(false);
                return;
        }

        IdempotentResponse response;
        try
        {
            var result = await _context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(_options).ConfigureAwait(false);
            var body = await GraphQLHttpResponseWriter.SerializeAsync(_serializer, result, CancellationToken.None).ConfigureAwait(false);
            response = new IdempotentResponse(GraphQLHttpRequestHandler.GetStatusCode(result, mediaType), GraphQLHttpMediaTypes.ToContentType(mediaType), body);
            await _store.CompleteAsync(storeKey, response, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await _store.ReleaseAsync(storeKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await GraphQLHttpResponseWriter.WriteBytesAsync(_context, response.StatusCode, response.ContentType, response.Body, replayed: false).ConfigureAwait(false);
    }

    /// <summary>Parses the document (handing it to the executer) and tells whether the operation to run is a mutation.</summary>
    internal static bool IsMutation(ExecutionOptions options, IServiceProvider services)
    {
        if (options.Query is not { } query)
        {
            return false;
        }

        try
        {
            var document = options.Document ?? (services.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder()).Build(query);
            options.Document = document;
            return GraphQLOperationSelector.Select(document, options.OperationName)?.Operation == OperationType.Mutation;
        }
        catch (Exception ex) when (ex is ExecutionError or GraphQLParserException)
        {
            return false; // the executer reports the syntax error in its own format
        }
    }
}
