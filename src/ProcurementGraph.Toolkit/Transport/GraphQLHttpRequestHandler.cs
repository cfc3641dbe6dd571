using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using ProcurementGraph.Toolkit.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProcurementGraph.Toolkit.Idempotency;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// The GraphQL-over-HTTP endpoint: negotiates the response media type, reads GET and POST requests,
/// executes them with <see cref="IDocumentExecuter{TSchema}"/> and maps the outcome to a status code.
/// </summary>
internal sealed class GraphQLHttpRequestHandler(IOptions<GraphQLHttpOptions> options)
{
    private readonly GraphQLHttpOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var request = context.Request;

        if (context.WebSockets.IsWebSocketRequest && services.GetService<GraphQLWebSocketHandler>() is { } webSockets)
        {
            await webSockets.HandleAsync(context).ConfigureAwait(false); // graphql-transport-ws
            return;
        }

        var acceptValid = GraphQLHttpAcceptNegotiator.TryNegotiate(request.Headers.Accept, _options.DefaultResponseMediaType, out var mediaType);
        var isGet = HttpMethods.IsGet(request.Method);

        // GraphQL over SSE (POST only), when the Accept header names text/event-stream (wildcards alone keep JSON: a generic
        // client gets 406 for a subscription, not a stream): subscriptions stream; queries and mutations answer as an event
        // stream only when no JSON media type is acceptable.
        var subscriptionOptions = services.GetService<IOptions<GraphQLSubscriptionOptions>>()?.Value;
        var eventStream = !isGet && acceptValid && subscriptionOptions is not null && GraphQLServerSentEvents.IsNamed(request.Headers.Accept)
            ? new GraphQLServerSentEvents(context, subscriptionOptions, serializer)
            : null;
        var eventStreamOnly = eventStream is not null && mediaType is null;
        if (eventStreamOnly)
        {
            mediaType = GraphQLResponseMediaType.Json; // for transport errors before execution
        }
        else if (mediaType is null)
        {
            eventStream = null;
        }
        if (GraphQLSdlResponse.IsRequested(request))
        {
            await GraphQLSdlResponse.WriteAsync(context).ConfigureAwait(false); // GET /graphql?sdl, as HotChocolate
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            await WriteErrorAsync(GraphQLHttpError.MethodNotAllowed(), mediaType ?? GraphQLResponseMediaType.Json).ConfigureAwait(false);
            return;
        }

        if (!acceptValid)
        {
            await WriteErrorAsync(GraphQLHttpError.AcceptHeaderInvalid(), GraphQLResponseMediaType.Json).ConfigureAwait(false);
            return;
        }

        if (mediaType is not { } responseMediaType)
        {
            await WriteErrorAsync(GraphQLHttpError.NotAcceptable(), GraphQLResponseMediaType.Json).ConfigureAwait(false);
            return;
        }

        GraphQLRequest? graphQLRequest;
        GraphQLHttpError? error;
        if (isGet)
        {
            error = GraphQLHttpRequestParser.TryParseQueryString(request.Query, serializer, out graphQLRequest);
        }
        else
        {
            (error, graphQLRequest) = await ReadPostAsync(request, serializer).ConfigureAwait(false);
        }

        if (error is not null || graphQLRequest is null)
        {
            await WriteErrorAsync(error ?? GraphQLHttpError.QueryAndIdMissing(), responseMediaType).ConfigureAwait(false);
            return;
        }

        // Trusted documents, the execution options and the interceptors: the same steps for every transport.
        var (prepareError, prepared) = await GraphQLRequestExecution.PrepareAsync(context, graphQLRequest, services, context.User, context.RequestAborted)
            .ConfigureAwait(false);
        if (prepareError is not null || prepared is not { } executionOptions)
        {
            await WriteErrorAsync(prepareError ?? GraphQLHttpError.QueryAndIdMissing(), responseMediaType).ConfigureAwait(false);
            return;
        }

        if (isGet)
        {
            if (PrepareGet(executionOptions, services) is { } getError)
            {
                await WriteErrorAsync(getError, responseMediaType).ConfigureAwait(false);
                return;
            }
        }

        if (eventStream is not null)
        {
            executionOptions.UserContext[SubscriptionTransport.UserContextKey] = eventStream.Transport;
        }

        if (!isGet && !eventStreamOnly && IdempotentMutation.For(context, executionOptions, graphQLRequest, serializer) is { } idempotent)
        {
            await idempotent.HandleAsync(responseMediaType).ConfigureAwait(false);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(executionOptions).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody reads the response
        }

        if (result.Streams is { Count: > 0 } streams)
        {
            if (eventStream is null)
            {
                await WriteErrorAsync(GraphQLHttpError.StreamNotAccepted(), responseMediaType).ConfigureAwait(false); // nothing was subscribed
                return;
            }

            await eventStream.StreamAsync(streams.Values.First()).ConfigureAwait(false);
            return;
        }

        if (eventStream is not null && (eventStreamOnly || result.Operation?.Operation == OperationType.Subscription))
        {
            await eventStream.WriteSingleAsync(result).ConfigureAwait(false); // e.g. a subscription refused before it began
            return;
        }

        if (isGet && result.Errors?.Any(e => e is HttpGetOperationNotAllowedError) == true)
        {
            await GraphQLHttpResponseWriter.WriteAsync(
                context, serializer, result, StatusCodes.Status405MethodNotAllowed, responseMediaType, "POST").ConfigureAwait(false);
            return;
        }

        if (isGet)
        {
            // ETag, If-None-Match → 304 and Cache-Control for query results read with GET.
            await GraphQLHttpCaching.WriteAsync(context, serializer, result, GetStatusCode(result, responseMediaType), responseMediaType, _options)
                .ConfigureAwait(false);
            return;
        }

        await GraphQLHttpResponseWriter.WriteAsync(context, serializer, result, GetStatusCode(result, responseMediaType), responseMediaType)
            .ConfigureAwait(false);

        Task WriteErrorAsync(GraphQLHttpError httpError, GraphQLResponseMediaType errorMediaType) =>
            GraphQLHttpResponseWriter.WriteErrorAsync(context, serializer, httpError, errorMediaType);
    }

    /// <summary>
    /// application/json: always 200. application/graphql-response+json: 200 once execution started (data present,
    /// even with field errors); 400 when the request failed before execution (syntax, validation, variables);
    /// 500 when the failure before execution was an unhandled server-side exception.
    /// </summary>
    internal static int GetStatusCode(ExecutionResult result, GraphQLResponseMediaType mediaType)
    {
        if (mediaType == GraphQLResponseMediaType.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        if (result.Errors?.OfType<IGraphQLHttpStatusError>().FirstOrDefault() is { } statusError)
        {
            return statusError.StatusCode; // e.g. the execution timeout (HC0045): 503
        }

        return result.Errors?.Any(e => e is UnhandledError) == true
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }

    private async Task<(GraphQLHttpError? Error, GraphQLRequest? Request)> ReadPostAsync(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        if (!IsJsonUtf8(request.ContentType))
        {
            return (GraphQLHttpError.UnsupportedMediaType(), null);
        }

        PooledRequestBody? body;
        try
        {
            body = await GraphQLHttpRequestBodyReader.ReadAsync(request, _options.MaxRequestBodyBytes, request.HttpContext.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            return (GraphQLHttpError.RequestTooLarge(_options.MaxRequestBodyBytes), null);
        }

        // The parsed request holds strings and inputs only, nothing of the buffer: it goes back to the pool at once.
        using (body)
        {
            var error = GraphQLHttpRequestParser.TryParseBody(body.Memory, serializer, out var graphQLRequest);
            return (error, graphQLRequest);
        }
    }

    /// <summary>
    /// Parses the query of a GET request (or finds it among the <see cref="IKnownDocuments"/>) to refuse mutations and
    /// subscriptions before validation (the schema may not even have a Mutation type). Without a document cache the parsed
    /// document goes to the executer; with one, the executer takes a kept document from it (and keeps a new one once it has
    /// passed validation). Documents the endpoint cannot see (documentId) are checked by <see cref="HttpGetOperationValidationRule"/>.
    /// </summary>
    private static GraphQLHttpError? PrepareGet(ExecutionOptions executionOptions, IServiceProvider services)
    {
        if (executionOptions.Query is { } query)
        {
            var known = services.GetService<IKnownDocuments>();
            GraphQLDocument? document = null;
            if (known is null || !known.TryGet(query, out document))
            {
                try
                {
                    document = (services.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder()).Build(query);
                }
                catch (Exception ex) when (ex is ExecutionError or GraphQLParserException)
                {
                    // Left to the executer, which reports the syntax error in its own format.
                }
            }

            if (document is not null)
            {
                var operation = GraphQLOperationSelector.Select(document, executionOptions.OperationName);
                if (operation is not null && operation.Operation != OperationType.Query)
                {
                    return GraphQLHttpError.OperationNotAllowed();
                }

                if (known is null)
                {
                    executionOptions.Document = document;
                }
            }
        }

        executionOptions.ValidationRules = DocumentValidator.CoreRules.Append(HttpGetOperationValidationRule.Instance);
        executionOptions.CachedDocumentValidationRules = [HttpGetOperationValidationRule.Instance];
        return null;
    }

    private static bool IsJsonUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(GraphQLHttpMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = parsed.Charset;
        return !charset.HasValue
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("\"utf-8\"", StringComparison.OrdinalIgnoreCase);
    }
}
