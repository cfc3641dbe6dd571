using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>Authorization of the GraphQL endpoint itself: who may send a request at all.</summary>
public static class GraphQLEndpointAuthorizationExtensions
{
    /// <summary>
    /// Requires <paramref name="policyNames"/> (the default policy when none) on the endpoint. A caller who fails them
    /// gets a GraphQL response: 401 with the authentication scheme's <c>WWW-Authenticate</c> challenge and
    /// <c>AUTH_NOT_AUTHENTICATED</c>, or 403 with <c>AUTH_NOT_AUTHORIZED</c>. Needs <see cref="AddGraphQLEndpointAuthorization"/>
    /// and <c>UseAuthentication()</c>/<c>UseAuthorization()</c>.
    /// </summary>
    public static TBuilder RequireGraphQLAuthorization<TBuilder>(this TBuilder builder, params string[] policyNames)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization(policyNames);
        builder.WithMetadata(GraphQLEndpointAuthorizationMetadata.Instance);
        return builder;
    }

    /// <summary>Registers the handler that answers authorization failures of GraphQL endpoints as GraphQL responses.</summary>
    public static IServiceCollection AddGraphQLEndpointAuthorization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, GraphQLAuthorizationMiddlewareResultHandler>());
        return services;
    }
}
