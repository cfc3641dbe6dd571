using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Registers the streaming transports of the GraphQL endpoint: <c>graphql-transport-ws</c> and GraphQL over SSE.</summary>
public static class GraphQLSubscriptionTransportExtensions
{
    /// <summary>
    /// Lets the endpoint of <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQLHttp"/> accept WebSockets
    /// (<c>graphql-transport-ws</c>) and answer POSTs with <c>Accept: text/event-stream</c> as event streams. Needs
    /// <see cref="SubscriptionsServiceCollectionExtensions.AddGraphQLSubscriptions"/> for the events and
    /// <see cref="UseGraphQLWebSockets"/> in the pipeline.
    /// </summary>
    public static IServiceCollection AddGraphQLSubscriptionTransports(this IServiceCollection services, Action<GraphQLSubscriptionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLSubscriptionOptions>()
            .Validate(o => o.ConnectionInitTimeout > TimeSpan.Zero, $"{nameof(GraphQLSubscriptionOptions.ConnectionInitTimeout)} must be positive.")
            .Validate(o => o.MaxSubscriptionsPerConnection > 0, $"{nameof(GraphQLSubscriptionOptions.MaxSubscriptionsPerConnection)} must be positive.")
            .Validate(o => o.MaxConnectionsPerCaller > 0, $"{nameof(GraphQLSubscriptionOptions.MaxConnectionsPerCaller)} must be positive.")
            .Validate(o => o.MaxQueuedEvents > 0, $"{nameof(GraphQLSubscriptionOptions.MaxQueuedEvents)} must be positive.")
            .Validate(o => o.SendBufferMessages > 0, $"{nameof(GraphQLSubscriptionOptions.SendBufferMessages)} must be positive.")
            .Validate(o => o.KeepAliveInterval >= TimeSpan.Zero, $"{nameof(GraphQLSubscriptionOptions.KeepAliveInterval)} must not be negative.")
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<SubscriptionConnections>();
        services.TryAddSingleton<GraphQLWebSocketHandler>();
        return services;
    }

    /// <summary>ASP.NET Core's WebSocket middleware (before authentication, rate limiting and the endpoint).</summary>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<GraphQLSubscriptionOptions>>().Value;
        return app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval > TimeSpan.Zero ? options.KeepAliveInterval : TimeSpan.FromMinutes(2) });
    }
}
