using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Options of the streaming transports: <c>graphql-transport-ws</c> over WebSocket and GraphQL over Server-Sent Events.</summary>
public sealed class GraphQLSubscriptionOptions
{
    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> before it is closed with 4408. Default 10 s.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Operations one WebSocket connection may run at once; one more is answered with an <c>error</c> message. Default 100.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>Open WebSocket connections and SSE streams one caller may have at once (see <see cref="CallerKey"/>). Default 50.</summary>
    public int MaxConnectionsPerCaller { get; set; } = 50;

    /// <summary>
    /// Events one subscription may have waiting to be read and sent (the largest burst it absorbs, e.g. a batch of 1,000
    /// ratings); a subscription that falls further behind is a slow consumer and its connection is closed. Default 1024.
    /// </summary>
    public int MaxQueuedEvents { get; set; } = 1024;

    /// <summary>Messages one connection may have waiting to be written to the network; more is a slow consumer (closed). Default 64.</summary>
    public int SendBufferMessages { get; set; } = 64;

    /// <summary>How often an idle-looking connection gets a keep-alive (WebSocket <c>ping</c> message, SSE comment); zero: never. Default 15 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Who a connection belongs to, for <see cref="MaxConnectionsPerCaller"/>: by default the authenticated caller's
    /// <c>oid</c>, <c>sub</c> or name, else the client's IP address.
    /// </summary>
    public Func<HttpContext, string> CallerKey { get; set; } = DefaultCallerKey;

    /// <summary>
    /// Whether a WebSocket handshake from another origin (a browser page elsewhere; browsers apply no CORS to WebSockets) is
    /// accepted; called only when the request has an <c>Origin</c> that is not its own. Null (default): every origin.
    /// </summary>
    public Func<HttpContext, string, ValueTask<bool>>? IsCrossOriginAllowed { get; set; }

    private static string DefaultCallerKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identities.Any(i => i.IsAuthenticated)
            && (user.FindFirst("oid")?.Value ?? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name) is { Length: > 0 } id)
        {
            return "caller:" + id;
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
