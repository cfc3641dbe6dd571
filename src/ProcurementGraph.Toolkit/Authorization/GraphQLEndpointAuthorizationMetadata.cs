namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>
/// Endpoint metadata: authorization failures on this endpoint are answered as GraphQL responses
/// (401 or 403 with one coded error) by <see cref="GraphQLAuthorizationMiddlewareResultHandler"/>.
/// </summary>
public sealed class GraphQLEndpointAuthorizationMetadata
{
    public static GraphQLEndpointAuthorizationMetadata Instance { get; } = new();

    private GraphQLEndpointAuthorizationMetadata()
    {
    }
}
