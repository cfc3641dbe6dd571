namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Options of the GraphQL-over-HTTP endpoint mapped by <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQLHttp"/>.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>
    /// Largest accepted POST body in bytes; a bigger body is answered with 413 (code <c>HC0010</c>).
    /// Also applied to the server's own request body limit for this endpoint. Default 1 MiB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Media type of the response when the client leaves the choice to the server: no <c>Accept</c> header,
    /// or an <c>Accept</c> header where only wildcards (<c>*/*</c>, <c>application/*</c>) or equally preferred
    /// entries match. Default <see cref="GraphQLResponseMediaType.GraphQLResponseJson"/> (GraphQL-over-HTTP after its
    /// 2025 watershed, HotChocolate's "latest" transport). <see cref="GraphQLResponseMediaType.Json"/> gives the legacy
    /// behaviour that the <c>graphql-http</c> audits 47DE and 80D8 still expect.
    /// </summary>
    public GraphQLResponseMediaType DefaultResponseMediaType { get; set; } = GraphQLResponseMediaType.GraphQLResponseJson;

    /// <summary>
    /// <c>max-age</c> of successful GET query responses (status 200, no <c>errors</c>), which carry a strong <c>ETag</c>
    /// and answer a matching <c>If-None-Match</c> with 304: <c>Cache-Control: private, max-age=N</c>. Default 0:
    /// <c>private, no-cache</c> (a client may keep the answer but revalidates it every time). POST responses, GET responses
    /// with errors (<c>no-store</c>) and responses to authenticated callers (see <see cref="CacheAuthenticated"/>) are not cacheable.
    /// </summary>
    public int CacheMaxAgeSeconds { get; set; }

    /// <summary>
    /// Whether successful GET responses to authenticated callers may be kept by the caller's own cache
    /// (<c>private</c>, <c>Vary: Authorization</c>). Default false: <c>Cache-Control: no-store</c>; the ETag and 304 still work.
    /// </summary>
    public bool CacheAuthenticated { get; set; }

    /// <summary>
    /// Authentication types (schemes) whose identities count as anonymous for <see cref="CacheAuthenticated"/>: callers the
    /// server itself makes up without any credential from the request (e.g. a development persona). Empty by default.
    /// </summary>
    public ISet<string> UncredentialedAuthenticationTypes { get; } = new HashSet<string>(StringComparer.Ordinal);
}
