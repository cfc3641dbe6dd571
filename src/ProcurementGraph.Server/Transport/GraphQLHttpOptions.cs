namespace ProcurementGraph.Server.Transport;

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
}
