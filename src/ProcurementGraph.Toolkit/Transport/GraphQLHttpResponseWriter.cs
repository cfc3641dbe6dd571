using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Writes GraphQL results as UTF-8 JSON with the GraphQL.NET serializer.</summary>
internal static class GraphQLHttpResponseWriter
{
    public static Task WriteErrorAsync(
        HttpContext context, IGraphQLTextSerializer serializer, GraphQLHttpError error, GraphQLResponseMediaType mediaType)
    {
        var executionError = new ExecutionError(error.Message) { Code = error.Code };
        foreach (var (key, value) in error.Data ?? new Dictionary<string, object?>())
        {
            executionError.Data[key] = value;
        }

        var result = new ExecutionResult
        {
            Errors = [executionError],
        };
        return WriteAsync(context, serializer, result, error.StatusCode, mediaType, error.Allow);
    }

    public static async Task WriteAsync(
        HttpContext context,
        IGraphQLTextSerializer serializer,
        ExecutionResult result,
        int statusCode,
        GraphQLResponseMediaType mediaType,
        string? allow = null)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = GraphQLHttpMediaTypes.ToContentType(mediaType);
        response.Headers.Append(HeaderNames.Vary, "Accept"); // the media type, and so the status code, depend on it (kept beside CORS's Origin)
        if (allow is not null)
        {
            response.Headers.Allow = allow;
        }

        await serializer.WriteAsync(response.Body, result, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The serialized result, for answers that are stored as well as sent (idempotent mutations).</summary>
    public static async Task<byte[]> SerializeAsync(IGraphQLTextSerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Writes an answer already serialized (a replay, or one just stored).</summary>
    public static async Task WriteBytesAsync(HttpContext context, int statusCode, string contentType, byte[] body, bool replayed)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers.Vary = "Accept";
        if (replayed)
        {
            response.Headers["Idempotency-Replayed"] = "true";
        }

        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
