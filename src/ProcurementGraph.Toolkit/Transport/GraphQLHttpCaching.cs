using System.Security.Cryptography;
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

        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result, context.RequestAborted).ConfigureAwait(false);
        var contentType = GraphQLHttpMediaTypes.ToContentType(mediaType);
        var etag = ETag(contentType, body.GetBuffer().AsSpan(0, (int)body.Length));

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
        body.Position = 0;
        await body.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The quoted hex SHA-256 of the body, the content type mixed in (the same JSON as <c>application/json</c> and as
    /// <c>application/graphql-response+json</c> are two representations, so two strong tags).
    /// </summary>
    internal static EntityTagHeaderValue ETag(string contentType, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(contentType + "\n"));
        hash.AppendData(body);
        return new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(hash.GetHashAndReset()) + "\"");
    }

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
