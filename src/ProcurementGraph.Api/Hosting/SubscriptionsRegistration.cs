using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// The live-update transports (<c>GraphQL:Subscriptions:*</c>): <c>graphql-transport-ws</c> over WebSocket and GraphQL over SSE at
/// <c>/graphql</c>. Connections are counted per caller as the rate limiter partitions them; a WebSocket handshake from a browser
/// origin other than the server's own must be one the CORS settings allow (browsers apply no CORS to WebSockets).
/// </summary>
public static class SubscriptionsRegistration
{
    public const string SectionName = "GraphQL:Subscriptions";

    public static IServiceCollection AddProcurementSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        services.AddGraphQLSubscriptionTransports(options =>
        {
            options.ConnectionInitTimeout = TimeSpan.FromSeconds(section.GetValue("ConnectionInitTimeoutSeconds", 10));
            options.MaxSubscriptionsPerConnection = section.GetValue("MaxSubscriptionsPerConnection", options.MaxSubscriptionsPerConnection);
            options.MaxConnectionsPerCaller = section.GetValue("MaxConnectionsPerCaller", options.MaxConnectionsPerCaller);
            options.MaxQueuedEvents = section.GetValue("MaxQueuedEvents", options.MaxQueuedEvents);
            options.SendBufferMessages = section.GetValue("SendBufferMessages", options.SendBufferMessages);
            options.KeepAliveInterval = TimeSpan.FromSeconds(section.GetValue("KeepAliveSeconds", 15));
            options.CallerKey = RateLimitingRegistration.CallerPartition;
            options.IsCrossOriginAllowed = (context, origin) =>
                ValueTask.FromResult(context.RequestServices.GetRequiredService<CrossOriginRegistration.CrossOriginPolicyHolder>().Policy?.IsOriginAllowed(origin) == true);
        });
        return services;
    }
}
