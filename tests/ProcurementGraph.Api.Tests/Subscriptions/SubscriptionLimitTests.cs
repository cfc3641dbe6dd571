using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>Subscriptions per connection, connections per caller, a slow consumer cut off, and GraphQL over SSE.</summary>
public sealed class SubscriptionLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Document = "subscription { onSupplierChanged { supplier { id city } } }";

    [Fact]
    public async Task One_subscription_over_the_connection_limit_is_an_error_and_the_others_go_on()
    {
        await using var limited = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Subscriptions:MaxSubscriptionsPerConnection", "2"));
        await using var socket = await GraphQLWebSocket.OpenAsync(limited.Server, api.Token([Reader]));
        await socket.SubscribeAsync("1", Document);
        await socket.SubscribeAsync("2", Document);
        await socket.SubscribeAsync("3", Document);
        var error = await socket.ReceiveMessageAsync();
        Assert.Equal(("error", "3", "MAX_SUBSCRIPTIONS_EXCEEDED"), ((string?)error!["type"], (string?)error["id"], (string?)error["payload"]![0]!["extensions"]!["code"]));
        Assert.Empty(await socket.PingPongAsync());
    }

    [Fact]
    public async Task A_caller_over_its_connection_limit_is_closed_with_1013_and_gets_an_error_over_SSE()
    {
        // Arrange
        await using var limited = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Subscriptions:MaxConnectionsPerCaller", "2"));
        var token = api.Token([Reader], name: "busy reader");
        await using var first = await GraphQLWebSocket.OpenAsync(limited.Server, token);
        await using var second = await GraphQLWebSocket.OpenAsync(limited.Server, token);
        await using var third = await GraphQLWebSocket.ConnectAsync(limited.Server);
        await using var otherCaller = await GraphQLWebSocket.OpenAsync(limited.Server, api.Token([Reader], name: "another reader"));

        // Act
        await third.InitAsync(token);
        var close = await third.ReceiveCloseAsync();
        var sse = await Sse.PostAsync(limited.CreateClient(), token, Document);

        // Assert
        Assert.Equal(1013, close);
        Assert.Equal("MAX_CONNECTIONS_EXCEEDED", (string?)sse.Events[0].Data!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("complete", sse.Events[^1].Name);
    }

    [Fact]
    public async Task A_subscriber_whose_queue_overflows_is_cut_off_with_1008()
    {
        // Arrange: a queue of 4 events; one batch of 50 ratings publishes 50 at once
        await using var small = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Subscriptions:MaxQueuedEvents", "4"));
        var rater = small.CreateClient();
        rater.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            api.Token([Rater], new Dictionary<string, object> { ["business_unit"] = "MFG-EU" }, "Rita Rater"));
        await using var slow = await GraphQLWebSocket.OpenAsync(small.Server, api.Token([Reader]));
        await slow.SubscribeAsync("r", "subscription { onRatingSubmitted { stakeholderRating { id supplier { name contracts(first: 5) { nodes { number } } } } } }");
        await slow.PingPongAsync();
        var ratings = Enumerable.Range(1, 50).Select(i => new
        {
            supplierId = Id("Supplier", 100 + i), period = "2026-Q2", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall = 3,
        });

        // Act
        var (_, batch) = await rater.PostGraphQLAsync(
            "mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id } errors { __typename } } }",
            new { input = new { ratings } });
        var close = await slow.ReceiveCloseAsync();

        // Assert
        Assert.Equal(50, batch.Payload("submitRatings")["stakeholderRatings"]!.AsArray().Count);
        Assert.Equal(1008, close);
    }

    [Fact]
    public async Task A_subscription_over_SSE_streams_next_events()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var reader = api.CreateClient();
        var stream = await Sse.OpenAsync(reader, api.Token([Reader]),
            "subscription($s: ID) { onSupplierChanged(supplierId: $s) { supplier { id city } action } }", new { s = Id("Supplier", 40) });

        // Act
        await LiveWrites.UpdateSupplierCityAsync(editor, 40, "Streamed");
        var next = await stream.ReadEventAsync();
        stream.Dispose(); // the client ends a subscription by closing the connection

        // Assert
        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.Equal("next", next.Name);
        Assert.Equal("Streamed", (string?)next.Data!["data"]!["onSupplierChanged"]!["supplier"]!["city"]);
    }

    [Fact]
    public async Task Over_SSE_a_query_is_one_next_and_complete_and_a_refused_subscription_is_a_next_with_its_errors()
    {
        var partner = api.Token([Partner], new Dictionary<string, object> { ["supplier_id"] = "1" });
        var query = await Sse.PostAsync(api.CreateClient(), api.Token([Reader]), "{ supplier(id: \"" + Id("Supplier", 1) + "\") { id } }");
        var refused = await Sse.PostAsync(api.CreateClient(), partner, "subscription { onGoalProgressRecorded { strategicGoal { id } } }");
        Assert.Equal(["next", "complete"], query.Events.Select(e => e.Name));
        Assert.Equal(Id("Supplier", 1), (string?)query.Events[0].Data!["data"]!["supplier"]!["id"]);
        Assert.Equal(["next", "complete"], refused.Events.Select(e => e.Name));
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)refused.Events[0].Data!["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_tokens_expiry_ends_an_SSE_stream_with_an_error_then_complete()
    {
        var (events, _) = await Sse.PostAsync(api.CreateClient(), api.Token([Reader], lifetime: TimeSpan.FromSeconds(2)), Document);
        Assert.Equal(["next", "complete"], events.Select(e => e.Name));
        Assert.Equal("AUTH_TOKEN_EXPIRED", (string?)events[0].Data!["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_subscription_posted_without_an_event_stream_accept_is_406()
    {
        var client = api.CreateAs(Reader);
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Document }),
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
        });
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("SUBSCRIPTION_STREAM_NOT_ACCEPTED", body.ErrorCode());
    }
}
