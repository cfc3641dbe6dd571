using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Accepts WebSocket handshakes at the GraphQL endpoint: the <c>graphql-transport-ws</c> subprotocol only (others are
/// accepted and closed with 4406, as graphql-ws does), from the request's own origin or one
/// <see cref="GraphQLSubscriptionOptions.IsCrossOriginAllowed"/> accepts (403 otherwise: browsers apply no CORS to WebSockets).
/// The caller is authenticated at <c>connection_init</c>, not at the handshake (browsers cannot send headers with it).
/// </summary>
internal sealed class GraphQLWebSocketHandler(
    IOptions<GraphQLSubscriptionOptions> options,
    IOptions<GraphQLHttpOptions> httpOptions,
    ILogger<GraphQLWebSocketHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        if (context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsOwnOrigin(context, origin)
            && settings.IsCrossOriginAllowed is { } allowed && !await allowed(context, origin).ConfigureAwait(false))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketConnection.SubProtocol, StringComparer.Ordinal))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await refused.CloseOutputAsync((System.Net.WebSockets.WebSocketCloseStatus)GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable,
                "Subprotocol not acceptable", context.RequestAborted).ConfigureAwait(false);
            try
            {
                using var handshake = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await refused.ReceiveAsync(new byte[16], handshake.Token).ConfigureAwait(false); // the client's close
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
            {
                // it went away
            }

            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(GraphQLWebSocketConnection.SubProtocol).ConfigureAwait(false);
        using var connection = new GraphQLWebSocketConnection(context, socket, settings, httpOptions.Value.MaxRequestBodyBytes, logger);
        await connection.RunAsync().ConfigureAwait(false);
    }

    private static bool IsOwnOrigin(HttpContext context, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && (string.Equals(uri.Scheme, context.Request.Scheme, StringComparison.OrdinalIgnoreCase)
            || string.Equals(uri.Scheme, context.Request.Scheme == "https" ? "wss" : "ws", StringComparison.OrdinalIgnoreCase));
}
