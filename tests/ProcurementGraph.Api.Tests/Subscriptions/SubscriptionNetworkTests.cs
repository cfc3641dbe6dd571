using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>
/// Over a real socket (Kestrel on loopback): a client that stops reading is cut off, a reading client gets a burst many times
/// its send buffer whole; a stopping server completes its subscriptions.
/// </summary>
public sealed class SubscriptionNetworkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_client_that_does_not_read_is_closed_with_1008_and_its_buffer_stays_bounded()
    {
        // Arrange: Kestrel, a send buffer of 2 messages and queues of 100 events, a subscriber with two large subscriptions
        // that reads nothing: its sends stop draining, its events back up in the queues until one overflows
        await using var listener = await LargeSubscriptions.OpenAsync(api, ("GraphQL:Subscriptions:SendBufferMessages", "2"),
            ("GraphQL:Subscriptions:MaxQueuedEvents", "100"));
        var (socket, rater, patience) = (listener.Socket, listener.Rater, listener.Patience.Token);

        // Act: 1,000 ratings in one batch: 2,000 large events for a client that reads none of them
        var ratings = Enumerable.Range(0, 1000).Select(i => new
        {
            supplierId = Id("Supplier", (i % 400) + 1), period = "2026-Q1", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall = 3,
            comment = new string('x', 500),
        });
        var (_, batch) = await rater.PostGraphQLAsync(
            "mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id } errors { __typename } } }",
            new { input = new { ratings } });
        var (messages, status) = await DrainAsync(socket, patience);

        // Assert: cut off before it got everything
        Assert.Equal(1000, batch.Payload("submitRatings")["stakeholderRatings"]!.AsArray().Count);
        Assert.Equal(1008, (int?)status);
        Assert.True(messages < 2000, $"{messages} messages reached the client");
    }

    [Fact]
    public async Task A_reading_client_gets_a_burst_far_larger_than_its_send_buffer_whole()
    {
        // Arrange: Kestrel, a send buffer of 2 messages (queues as deployed), a subscriber with two large subscriptions that reads
        await using var listener = await LargeSubscriptions.OpenAsync(api, ("GraphQL:Subscriptions:SendBufferMessages", "2"));
        var (socket, rater, patience) = (listener.Socket, listener.Rater, listener.Patience.Token);
        var reading = CountNextAsync(socket, 600, patience);

        // Act: 300 ratings in one batch: 600 large events, 300 times the send buffer, to a client that reads all along
        var ratings = Enumerable.Range(0, 300).Select(i => new
        {
            supplierId = Id("Supplier", (i % 300) + 1), period = "2026-Q1", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall = 3,
            comment = new string('y', 500),
        });
        var (_, batch) = await rater.PostGraphQLAsync(
            "mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id } errors { __typename } } }",
            new { input = new { ratings } });
        var (next, closed) = await reading;

        // Assert: every event, on an open socket
        Assert.Equal(300, batch.Payload("submitRatings")["stakeholderRatings"]!.AsArray().Count);
        Assert.Null(closed);
        Assert.Equal(600, next);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_stopping_server_completes_every_subscription_then_closes_with_1001()
    {
        // Arrange
        await using var stopping = api.WithWebHostBuilder(_ => { });
        await using var socket = await GraphQLWebSocket.OpenAsync(stopping.Server, api.Token([Reader]));
        await socket.SubscribeAsync("one", "subscription { onSupplierChanged { supplier { id } } }");
        await socket.SubscribeAsync("two", "subscription { onContractStatusChanged { contract { id } } }");
        await socket.PingPongAsync();

        // Act
        stopping.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var first = await socket.ReceiveMessageAsync();
        var second = await socket.ReceiveMessageAsync();
        var close = await socket.ReceiveCloseAsync();

        // Assert
        Assert.Equal(("complete", "complete"), ((string?)first!["type"], (string?)second!["type"]));
        Assert.Equal("one,two", string.Join(',', new[] { (string?)first["id"], (string?)second["id"] }.Order()));
        Assert.Equal(1001, close);
    }

    private static Task SendAsync(ClientWebSocket socket, object message, CancellationToken token) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, token);

    private static async Task ReadUntilAsync(ClientWebSocket socket, string type, CancellationToken token)
    {
        var buffer = new byte[1 << 16];
        while (await ReceiveAsync(socket, buffer, token) is (var received, null) && received != type)
        {
        }
    }

    /// <summary>Reads until <paramref name="expected"/> <c>next</c> messages came or the socket closed: their number and the close status.</summary>
    private static async Task<(int Next, WebSocketCloseStatus? Closed)> CountNextAsync(ClientWebSocket socket, int expected, CancellationToken token)
    {
        var buffer = new byte[1 << 16];
        var next = 0;
        while (next < expected)
        {
            var (type, closed) = await ReceiveAsync(socket, buffer, token);
            if (closed is not null)
            {
                return (next, closed);
            }

            if (type == "next")
            {
                next++;
            }
        }

        return (next, null);
    }

    /// <summary>One whole message: its <c>type</c>, or the close status when the server closed.</summary>
    private static async Task<(string? Type, WebSocketCloseStatus? Closed)> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken token)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close
            ? (null, result.CloseStatus ?? WebSocketCloseStatus.Empty)
            : (JsonDocument.Parse(message.ToArray()).RootElement.GetProperty("type").GetString(), null);
    }

    /// <summary>Reads everything left; the number of messages and the close status.</summary>
    private static async Task<(int Messages, WebSocketCloseStatus? Status)> DrainAsync(ClientWebSocket socket, CancellationToken token)
    {
        var buffer = new byte[1 << 16];
        var messages = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (messages, result.CloseStatus);
                }

                if (result.EndOfMessage && Encoding.UTF8.GetString(buffer, 0, Math.Min(result.Count, 64)).Length > 0)
                {
                    messages++;
                }
            }
        }
        catch (WebSocketException)
        {
            return (messages, socket.CloseStatus);
        }
    }

    /// <summary>
    /// Kestrel on loopback with the given settings, a reader's socket with two large <c>onRatingSubmitted</c> subscriptions
    /// that listen (a query sent after them has completed) and a rater's HTTP client for the same server.
    /// </summary>
    private sealed class LargeSubscriptions : IAsyncDisposable
    {
        private const string Large = """
            subscription { onRatingSubmitted { stakeholderRating { id comment period supplier { name legalName city website
              contracts(first: 20) { nodes { number title status startDate endDate totalValue annualValue noticePeriodDays } } } } } }
            """;

        private readonly WebApplicationFactory<Program> kestrel;

        private LargeSubscriptions(WebApplicationFactory<Program> kestrel, ClientWebSocket socket, HttpClient rater, CancellationTokenSource patience) =>
            (this.kestrel, Socket, Rater, Patience) = (kestrel, socket, rater, patience);

        public ClientWebSocket Socket { get; }

        public HttpClient Rater { get; }

        public CancellationTokenSource Patience { get; }

        public static async Task<LargeSubscriptions> OpenAsync(ApiFactory api, params (string Key, string Value)[] settings)
        {
            var kestrel = api.WithWebHostBuilder(b =>
            {
                foreach (var (key, value) in settings)
                {
                    b.UseSetting(key, value);
                }
            });
            kestrel.UseKestrel(0);
            kestrel.StartServer();
            var address = new Uri(kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            var patience = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await socket.ConnectAsync(new Uri($"ws://{address.Authority}/graphql"), patience.Token);
            await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + api.Token([Reader]) } }, patience.Token);
            await SendAsync(socket, new { id = "a", type = "subscribe", payload = new { query = Large } }, patience.Token);
            await SendAsync(socket, new { id = "b", type = "subscribe", payload = new { query = Large } }, patience.Token);
            await SendAsync(socket, new { id = "q", type = "subscribe", payload = new { query = "{ __typename }" } }, patience.Token);
            var rater = kestrel.CreateClient();
            rater.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                api.Token([Writes.Rater], new Dictionary<string, object> { ["business_unit"] = "MFG-EU" }, "Rita Rater"));
            await ReadUntilAsync(socket, "complete", patience.Token);
            return new LargeSubscriptions(kestrel, socket, rater, patience);
        }

        public async ValueTask DisposeAsync()
        {
            Rater.Dispose();
            Socket.Dispose();
            Patience.Dispose();
            await kestrel.DisposeAsync();
        }
    }
}
