using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint at <paramref name="pattern"/>: GET and POST are executed, every other method
    /// is answered with 405 and <c>Allow: GET, POST</c>. Requires <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/>.
    /// The returned builder takes the usual conventions (<c>RequireAuthorization</c>, <c>RequireCors</c>, ...).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);

        var handler = endpoints.ServiceProvider.GetService<GraphQLHttpRequestHandler>()
            ?? throw new InvalidOperationException(
                $"The GraphQL HTTP endpoint's services are missing: call services.{nameof(GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp)}() first.");

        return endpoints.Map(pattern, handler.HandleAsync)
            .WithDisplayName($"GraphQL HTTP {pattern}");
    }
}
