using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// A <c>graphql-transport-ws</c> client over the test server's WebSocket support, message by message, so tests see exactly what
/// the server sends (frames, close codes). Waits are bounded (a hang fails the test) but nothing is asserted about time.
/// </summary>
public sealed class GraphQLWebSocket : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;

    private GraphQLWebSocket(WebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<GraphQLWebSocket> ConnectAsync(TestServer server, string? subProtocol = "graphql-transport-ws", Action<HttpRequestMessage>? configure = null)
    {
        var client = server.CreateWebSocketClient();
        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        client.ConfigureRequest = request =>
        {
            request.Headers["Host"] = "localhost";
            if (configure is not null)
            {
                var message = new HttpRequestMessage();
                configure(message);
                foreach (var (key, values) in message.Headers)
                {
                    request.Headers[key] = values.ToArray();
                }
            }
        };
        using var timeout = new CancellationTokenSource(Patience);
        return new GraphQLWebSocket(await client.ConnectAsync(new Uri("ws://localhost/graphql"), timeout.Token));
    }

    /// <summary>Connects, sends <c>connection_init</c> with the token and expects <c>connection_ack</c>.</summary>
    public static async Task<GraphQLWebSocket> OpenAsync(TestServer server, string? token)
    {
        var socket = await ConnectAsync(server);
        await socket.InitAsync(token);
        var ack = await socket.ReceiveAsync();
        Assert.True((string?)ack?["type"] == "connection_ack", $"no connection_ack: {ack?.ToJsonString() ?? $"closed {(int?)socket.CloseStatus} {socket.CloseDescription}"}");
        return socket;
    }

    public Task InitAsync(string? token) =>
        SendAsync(token is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    public async Task SendAsync(object message)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, timeout.Token);
    }

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message, or null when the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or IOException && _socket.State is WebSocketState.Aborted or WebSocketState.Closed or WebSocketState.CloseReceived)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }
                    catch (Exception e) when (e is IOException or WebSocketException or ObjectDisposedException)
                    {
                        // the server already let go of the socket
                    }
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }

    /// <summary>Sends <c>ping</c> and reads up to its <c>pong</c>: every message sent before was handled. Returns what came before it.</summary>
    public async Task<List<JsonNode>> PingPongAsync()
    {
        await SendAsync(new { type = "ping" });
        var before = new List<JsonNode>();
        while (await ReceiveAsync() is { } message)
        {
            if ((string?)message["type"] == "pong")
            {
                return before;
            }

            if ((string?)message["type"] != "ping")
            {
                before.Add(message);
            }
        }

        throw new InvalidOperationException($"closed before pong: {(int?)CloseStatus} {CloseDescription}");
    }

    /// <summary>The next message that is not a keep-alive <c>ping</c>.</summary>
    public async Task<JsonNode?> ReceiveMessageAsync()
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message is null || (string?)message["type"] != "ping")
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server closes; returns the close code.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int?)_socket.CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // already gone
            }
        }

        _socket.Dispose();
    }
}
