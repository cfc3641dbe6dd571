using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Registers the GraphQL-over-HTTP endpoint's services.</summary>
public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQLHttp"/> needs. The schema, executer and
    /// serializer come from GraphQL.NET's own registration: <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;T&gt;().AddSystemTextJson())</c>.
    /// </summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLHttpOptions>()
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{nameof(GraphQLHttpOptions.MaxRequestBodyBytes)} must be positive.")
            .Validate(o => Enum.IsDefined(o.DefaultResponseMediaType), $"{nameof(GraphQLHttpOptions.DefaultResponseMediaType)} is not a known media type.")
            .Validate(o => o.CacheMaxAgeSeconds >= 0, $"{nameof(GraphQLHttpOptions.CacheMaxAgeSeconds)} must not be negative.")
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<GraphQLHttpRequestHandler>();

        // A document the parser cannot read is the client's error (400), never an unhandled one (500).
        services.Replace(ServiceDescriptor.Singleton<IDocumentBuilder, GuardedDocumentBuilder>());
        return services;
    }
}
