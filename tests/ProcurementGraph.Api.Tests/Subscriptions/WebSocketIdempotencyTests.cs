using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>
/// A mutation over a WebSocket carries its idempotency key in the subscribe message's <c>extensions.idempotencyKey</c> (a
/// socket has no per-operation headers): a retry gets the first answer and writes nothing, as over HTTP with <c>Idempotency-Key</c>.
/// </summary>
public sealed class WebSocketIdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Submit = """
        mutation Submit($input: SubmitRatingInput!) {
          submitRating(input: $input) { stakeholderRating { id overall } errors { __typename } }
        }
        """;

    private static object Rating(int overall) => new
    {
        input = new { supplierId = Id("Supplier", 14), period = "2026-Q2", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall },
    };

    private string RaterToken => api.Token([Rater], new Dictionary<string, object> { ["business_unit"] = "MFG-EU", ["email"] = "rita.rater@example.com" }, "Rita Rater");

    [Fact]
    public async Task A_retry_on_a_new_socket_with_the_same_key_gets_the_first_answer_and_writes_nothing()
    {
        // Arrange
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        await using var first = await GraphQLWebSocket.OpenAsync(api.Server, RaterToken);

        // Act: the operation, then the same again on another socket (a client reconnecting after it lost the answer)
        var firstAnswer = await MutateAsync(first, "1", "ws-retry-1", Rating(4));
        await using var second = await GraphQLWebSocket.OpenAsync(api.Server, RaterToken);
        var secondAnswer = await MutateAsync(second, "1", "ws-retry-1", Rating(4));

        // Assert
        Assert.Equal("next", (string?)firstAnswer["type"]);
        Assert.Equal(firstAnswer["payload"]!.ToJsonString(), secondAnswer["payload"]!.ToJsonString());
        Assert.NotNull((string?)firstAnswer["payload"]!["data"]!["submitRating"]!["stakeholderRating"]!["id"]);
        Assert.Equal(before + 1, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
        Assert.Equal("complete", (string?)(await second.ReceiveMessageAsync())?["type"]);
    }

    [Fact]
    public async Task The_same_key_with_another_request_or_an_invalid_key_is_an_error_message_and_writes_nothing()
    {
        // Arrange
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, RaterToken);
        await MutateAsync(socket, "a", "ws-reused-1", Rating(4));
        await socket.ReceiveMessageAsync(); // its complete
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");

        // Act
        var reused = await MutateAsync(socket, "b", "ws-reused-1", Rating(2));
        await socket.SendAsync(new { id = "c", type = "subscribe", payload = new { query = Submit, variables = Rating(2), extensions = new { idempotencyKey = 42 } } });
        var invalid = await socket.ReceiveMessageAsync();

        // Assert: error messages with the codes HTTP answers with; the socket stays open
        Assert.Equal("error", (string?)reused["type"]);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (string?)reused["payload"]![0]!["extensions"]!["code"]);
        Assert.Contains("extensions.idempotencyKey", (string?)reused["payload"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("error", (string?)invalid?["type"]);
        Assert.Equal("IDEMPOTENCY_KEY_INVALID", (string?)invalid!["payload"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
        Assert.Empty(await socket.PingPongAsync());
    }

    [Fact]
    public async Task A_mutation_sent_over_HTTP_with_an_Idempotency_Key_and_retried_over_a_socket_runs_once()
    {
        // Arrange: the first attempt over HTTP
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        var client = api.CreateRater();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Submit, variables = Rating(5) }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "http-then-ws-1");
        var response = await client.SendAsync(request);
        var httpBody = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Act: the retry over a socket with the same key
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, RaterToken);
        var retry = await MutateAsync(socket, "r", "http-then-ws-1", Rating(5));

        // Assert
        Assert.Equal(httpBody.ToJsonString(), retry["payload"]!.ToJsonString());
        Assert.Equal(before + 1, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    private static async Task<JsonNode> MutateAsync(GraphQLWebSocket socket, string id, string key, object variables)
    {
        await socket.SendAsync(new { id, type = "subscribe", payload = new { query = Submit, variables, extensions = new { idempotencyKey = key } } });
        return await socket.ReceiveMessageAsync() ?? throw new InvalidOperationException("the socket closed");
    }
}
