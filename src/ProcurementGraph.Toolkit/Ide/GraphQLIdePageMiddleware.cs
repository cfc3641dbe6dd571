using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Toolkit.Ide;

/// <summary>Answers a browser's <c>GET</c> of the GraphQL endpoint with GraphiQL's page (see <see cref="GraphQLIdeApplicationBuilderExtensions.UseGraphQLIde"/>).</summary>
internal sealed class GraphQLIdePageMiddleware(RequestDelegate next, PathString endpointPath, PathString assetsPath, GraphQLIdeOptions options)
{
    /// <summary>
    /// The page loads its script, styles, fonts and Monaco's workers from this server only and talks to the endpoint
    /// only; Monaco adds style elements at run time, hence <c>'unsafe-inline'</c> for styles (never for scripts).
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || !request.Path.Equals(endpointPath, StringComparison.OrdinalIgnoreCase)
            || request.Query.Count > 0 // an operation (query, documentId, extensions), ?sdl, ...: the endpoint's
            || !GraphQLIdeAcceptPreference.PrefersHtml(request.Headers.Accept))
        {
            return next(context);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Append(HeaderNames.Vary, "Accept");
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        var page = GraphQLIdePage.Render(request.PathBase.Add(endpointPath), request.PathBase.Add(assetsPath), options);
        return response.WriteAsync(page, context.RequestAborted);
    }
}
