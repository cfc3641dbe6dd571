using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProcurementGraph.Server.Idempotency;
using ProcurementGraph.Server.Telemetry;
using ProcurementGraph.Server.TrustedDocuments;

namespace ProcurementGraph.Server.Transport;

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

        var acceptValid = GraphQLHttpAcceptNegotiator.TryNegotiate(request.Headers.Accept, _options.DefaultResponseMediaType, out var mediaType);
        var isGet = HttpMethods.IsGet(request.Method);
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

        string? requestedDocumentId = null;
        if (error is null && graphQLRequest is not null)
        {
            // Trusted documents (when registered): a document id becomes its text; other documents may be refused.
            requestedDocumentId = graphQLRequest.DocumentId;
            error = services.GetService<TrustedDocumentResolver>()?.Resolve(context.User, graphQLRequest);
            if (error is null && graphQLRequest.Query is null && graphQLRequest.DocumentId is null)
            {
                error = GraphQLHttpError.QueryAndIdMissing(); // only an APQ hash, and no trusted documents to look it up
            }
        }

        if (error is not null || graphQLRequest is null)
        {
            await WriteErrorAsync(error ?? GraphQLHttpError.QueryAndIdMissing(), responseMediaType).ConfigureAwait(false);
            return;
        }

        var executionOptions = new ExecutionOptions
        {
            Query = graphQLRequest.Query,
            DocumentId = graphQLRequest.DocumentId,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = services,
            User = context.User,
            CancellationToken = context.RequestAborted,
        };
        if (requestedDocumentId is not null)
        {
            executionOptions.UserContext[GraphQLTelemetry.DocumentIdKey] = requestedDocumentId; // the span's document id
        }

        if (isGet)
        {
            if (PrepareGet(executionOptions, services) is { } getError)
            {
                await WriteErrorAsync(getError, responseMediaType).ConfigureAwait(false);
                return;
            }
        }

        foreach (var interceptor in services.GetServices<IGraphQLHttpRequestInterceptor>())
        {
            await interceptor.OnExecutingAsync(context, executionOptions).ConfigureAwait(false);
        }

        if (!isGet && IdempotentMutation.For(context, executionOptions, graphQLRequest, serializer) is { } idempotent)
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

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await GraphQLHttpRequestBodyReader.ReadAsync(request, _options.MaxRequestBodyBytes, request.HttpContext.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is not { } bytes)
        {
            return (GraphQLHttpError.RequestTooLarge(_options.MaxRequestBodyBytes), null);
        }

        var error = GraphQLHttpRequestParser.TryParseBody(bytes, serializer, out var graphQLRequest);
        return (error, graphQLRequest);
    }

    /// <summary>
    /// Parses the query of a GET request to refuse mutations and subscriptions before validation (the schema may not
    /// even have a Mutation type) and hands the parsed document to the executer. Documents the endpoint cannot see
    /// (documentId) are checked by <see cref="HttpGetOperationValidationRule"/>.
    /// </summary>
    private static GraphQLHttpError? PrepareGet(ExecutionOptions executionOptions, IServiceProvider services)
    {
        if (executionOptions.Query is { } query)
        {
            var documentBuilder = services.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder();
            GraphQLDocument? document = null;
            try
            {
                document = documentBuilder.Build(query);
            }
            catch (Exception ex) when (ex is ExecutionError or GraphQLParserException)
            {
                // Left to the executer, which reports the syntax error in its own format.
            }

            if (document is not null)
            {
                var operation = GraphQLOperationSelector.Select(document, executionOptions.OperationName);
                if (operation is not null && operation.Operation != OperationType.Query)
                {
                    return GraphQLHttpError.OperationNotAllowed();
                }

                executionOptions.Document = document;
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
