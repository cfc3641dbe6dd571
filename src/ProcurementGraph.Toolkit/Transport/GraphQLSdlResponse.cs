using System.Security.Cryptography;
using System.Text;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// <c>GET /graphql?sdl</c>: the schema as SDL, as HotChocolate's <c>HttpGetSchemaMiddleware</c> serves it (scripts and tools
/// download it this way): <c>application/graphql</c>, <c>Content-Disposition: attachment; filename="schema.graphql"</c>, an
/// <c>ETag</c> (304 on <c>If-None-Match</c>) and <c>Cache-Control: private, max-age=3600, must-revalidate</c> (HotChocolate says
/// <c>public</c>; here the endpoint needs a caller, so shared caches must not keep it).
/// </summary>
internal static class GraphQLSdlResponse
{
    public const string ContentType = "application/graphql; charset=utf-8";

    private static readonly Lock Gate = new();
    private static (ISchema Schema, byte[] Body, EntityTagHeaderValue ETag)? _cache;

    public static bool IsRequested(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Query.Keys.Any(k => k.Equals("sdl", StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(HttpContext context)
    {
        var (body, etag) = Render(context.RequestServices.GetRequiredService<ISchema>());
        var response = context.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = "private, max-age=3600, must-revalidate";
        if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = "attachment; filename=\"schema.graphql\"";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The schema is a singleton: printed once.</summary>
    private static (byte[] Body, EntityTagHeaderValue ETag) Render(ISchema schema)
    {
        lock (Gate)
        {
            if (_cache is { } cached && ReferenceEquals(cached.Schema, schema))
            {
                return (cached.Body, cached.ETag);
            }

            var body = Encoding.UTF8.GetBytes(GraphQLSchemaSdl.Print(schema));
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body)) + "\"");
            _cache = (schema, body, etag);
            return (body, etag);
        }
    }
}
