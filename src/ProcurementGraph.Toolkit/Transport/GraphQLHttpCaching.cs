using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// HTTP caching of GET query responses: a successful answer (200, no <c>errors</c>) carries a strong <c>ETag</c> (the
/// quoted hex SHA-256 of its content type and body) and <c>Cache-Control</c> from <see cref="GraphQLHttpOptions"/>; an <c>If-None-Match</c>
/// naming that tag is answered with 304 and no body. Any other GET answer is <c>no-store</c>.
/// </summary>
internal static class GraphQLHttpCaching
{
    public static async Task WriteAsync(
        HttpContext context,
        IGraphQLTextSerializer serializer,
        ExecutionResult result,
        int statusCode,
        GraphQLResponseMediaType mediaType,
        GraphQLHttpOptions options)
    {
        var response = context.Response;
        // Cost reports (`GraphQL-Cost: report|validate`) are diagnostics of one request, never a cacheable answer.
        if (statusCode != StatusCodes.Status200OK || result.Errors is { Count: > 0 } || !result.Executed
            || context.Request.Headers.ContainsKey("GraphQL-Cost"))
        {
            response.Headers.CacheControl = "no-store";
            await GraphQLHttpResponseWriter.WriteAsync(context, serializer, result, statusCode, mediaType).ConfigureAwait(false);
            return;
        }

        // Serialized into pooled chunks and hashed while written: the tag is known before the first byte is sent.
        var contentType = GraphQLHttpMediaTypes.ToContentType(mediaType);
        using var body = new HashingResponseBuffer(System.Text.Encoding.UTF8.GetBytes(contentType + "\n"));
        await serializer.WriteAsync(body, result, context.RequestAborted).ConfigureAwait(false);
        var etag = Tag(body.Hash());

        // An identity the server made up without credentials (a development persona) is not an authenticated caller here.
        var authenticated = context.User.Identities.Any(i => i.IsAuthenticated
            && !options.UncredentialedAuthenticationTypes.Contains(i.AuthenticationType ?? string.Empty));
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl(options, authenticated);
        response.Headers.Append(HeaderNames.Vary, authenticated && options.CacheAuthenticated ? "Accept, Authorization" : "Accept"); // beside CORS's Origin

        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await body.SendAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The quoted hex SHA-256 of the body, the content type mixed in (the same JSON as <c>application/json</c> and as
    /// <c>application/graphql-response+json</c> are two representations, so two strong tags).
    /// </summary>
    private static EntityTagHeaderValue Tag(byte[] sha256) => new("\"" + Convert.ToHexStringLower(sha256) + "\"");

    internal static string CacheControl(GraphQLHttpOptions options, bool authenticated)
    {
        if (authenticated && !options.CacheAuthenticated)
        {
            return "no-store";
        }

        return options.CacheMaxAgeSeconds > 0
            ? $"private, max-age={options.CacheMaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : "private, no-cache";
    }

    /// <summary><c>If-None-Match</c> uses the weak comparison (RFC 9110 13.1.2); <c>*</c> matches any current answer.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, EntityTagHeaderValue etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }
}
