using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProcurementGraph.Toolkit.Ide;

/// <summary>Serves GraphiQL (bundled offline into this assembly) at a GraphQL endpoint's path.</summary>
public static class GraphQLIdeApplicationBuilderExtensions
{
    /// <summary>The folder under the endpoint's path that serves the IDE's files (<c>/graphql/ide/graphiql.js</c>).</summary>
    public const string AssetsSegment = "/ide";

    /// <summary>
    /// A <c>GET {endpointPath}</c> whose <c>Accept</c> prefers <c>text/html</c> over the GraphQL media types (a browser's
    /// address bar) and has no query string (no operation, no <c>?sdl</c>) answers GraphiQL's page;
    /// its scripts, styles and fonts are static files under <c>{endpointPath}/ide/</c>. Every other request goes on to
    /// the GraphQL endpoint unchanged. Place it before authentication: the page and its files hold no data.
    /// </summary>
    public static IApplicationBuilder UseGraphQLIde(this IApplicationBuilder app, PathString endpointPath, GraphQLIdeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!endpointPath.HasValue || endpointPath.Value.EndsWith('/'))
        {
            throw new ArgumentException("The endpoint path must start with '/' and not end with it.", nameof(endpointPath));
        }

        var assetsPath = endpointPath.Add(AssetsSegment);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = GraphQLIdeAssets.FileProvider,
            RequestPath = assetsPath,
            OnPrepareResponse = file =>
            {
                // Not content-hashed names: keep them, revalidate with the ETag on every load.
                file.Context.Response.Headers.CacheControl = "no-cache";
                file.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        app.UseMiddleware<GraphQLIdePageMiddleware>(endpointPath, assetsPath, options ?? new GraphQLIdeOptions());
        return app;
    }
}
