using System.Net.WebSockets;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>The <c>graphql-transport-ws</c> protocol's rules through the real server: init, auth, ping, ids, close codes.</summary>
public sealed class WebSocketProtocolTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_token_the_endpoint_would_refuse_closes_the_socket_with_4403()
    {
        // Arrange: signed with another key, as HTTP would refuse it
        var forged = DevelopmentTokens.Create(DevelopmentTokens.NewSigningKey(), [Reader]);
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);
        var (response, _) = await http.PostGraphQLAsync("{ me { name } }");
        await using var socket = await GraphQLWebSocket.ConnectAsync(api.Server);

        // Act
        await socket.InitAsync(forged);
        var close = await socket.ReceiveCloseAsync();

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(4403, close);
    }

    [Fact]
    public async Task A_token_in_the_payload_is_the_caller_of_every_operation()
    {
        // Arrange
        await using var socket = await GraphQLWebSocket.ConnectAsync(api.Server);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = api.Token([Editor], name: "Eddie Editor") } });
        Assert.Equal("connection_ack", (string?)(await socket.ReceiveMessageAsync())!["type"]);

        // Act
        await socket.SubscribeAsync("me", "{ me { name roles } }");
        var next = await socket.ReceiveMessageAsync();

        // Assert: a bare token (no "Bearer ") is accepted too, as HotChocolate clients send it
        Assert.Equal("Eddie Editor", (string?)next!["payload"]!["data"]!["me"]!["name"]);
    }

    [Fact]
    public async Task No_connection_init_within_the_setting_closes_with_4408()
    {
        // Arrange
        await using var quick = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Subscriptions:ConnectionInitTimeoutSeconds", "1"));
        await using var socket = await GraphQLWebSocket.ConnectAsync(quick.Server);

        // Act
        var close = await socket.ReceiveCloseAsync();

        // Assert
        Assert.Equal(4408, close);
        Assert.Equal("Connection initialisation timeout", socket.CloseDescription);
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.InitAsync(api.Token([Reader]));
        Assert.Equal(4429, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_subscribe_before_the_ack_closes_with_4401()
    {
        await using var socket = await GraphQLWebSocket.ConnectAsync(api.Server);
        await socket.SubscribeAsync("1", "subscription { onSupplierChanged { supplier { id } } }");
        Assert.Equal(4401, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_duplicate_subscription_id_closes_with_4409()
    {
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.SubscribeAsync("same", "subscription { onSupplierChanged { supplier { id } } }");
        await socket.SubscribeAsync("same", "subscription { onSupplierChanged { supplier { id } } }");
        Assert.Equal(4409, await socket.ReceiveCloseAsync());
        Assert.Equal("Subscriber for same already exists", socket.CloseDescription);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"unknown\"}")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":42}}")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.SendTextAsync(message);
        Assert.Equal(4400, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_the_ack()
    {
        await using var socket = await GraphQLWebSocket.ConnectAsync(api.Server);
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await socket.ReceiveAsync())!["type"]);
        await socket.InitAsync(api.Token([Reader]));
        Assert.Equal("connection_ack", (string?)(await socket.ReceiveAsync())!["type"]);
        Assert.Empty(await socket.PingPongAsync());
    }

    [Fact]
    public async Task A_handshake_without_the_subprotocol_is_closed_with_4406()
    {
        await using var socket = await GraphQLWebSocket.ConnectAsync(api.Server, subProtocol: null);
        Assert.Equal(4406, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_refused_or_invalid_subscription_is_an_error_message_and_the_socket_stays()
    {
        // Arrange
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Partner], new Dictionary<string, object> { ["supplier_id"] = "1" }));

        // Act: a partner may not follow goals; a field that does not exist; another type's ID
        await socket.SubscribeAsync("goals", "subscription { onGoalProgressRecorded { strategicGoal { id } } }");
        var refused = await socket.ReceiveMessageAsync();
        await socket.SubscribeAsync("typo", "subscription { onSupplierChanged { nope } }");
        var invalid = await socket.ReceiveMessageAsync();
        await socket.SubscribeAsync("wrongId", "subscription { onSupplierChanged(supplierId: \"" + Id("Contract", 1) + "\") { supplier { id } } }");
        var wrongId = await socket.ReceiveMessageAsync();

        // Assert
        Assert.Equal(("error", "goals", "AUTH_NOT_AUTHORIZED"), ((string?)refused!["type"], (string?)refused["id"], (string?)refused["payload"]![0]!["extensions"]!["code"]));
        Assert.Equal(("error", "typo"), ((string?)invalid!["type"], (string?)invalid["id"]));
        Assert.Equal(("error", "INVALID_ID"), ((string?)wrongId!["type"], (string?)wrongId["payload"]![0]!["extensions"]!["code"]));
        Assert.Empty(await socket.PingPongAsync());
    }

    [Fact]
    public async Task The_depth_limit_applies_to_subscriptions()
    {
        await using var shallow = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxDepth", "3"));
        await using var socket = await GraphQLWebSocket.OpenAsync(shallow.Server, api.Token([Reader]));
        await socket.SubscribeAsync("deep", "subscription { onContractStatusChanged { contract { supplier { name } } } }");
        var error = await socket.ReceiveMessageAsync();
        Assert.Equal(("error", "MAX_EXECUTION_DEPTH"), ((string?)error!["type"], (string?)error["payload"]![0]!["extensions"]!["code"]));
    }

    [Fact]
    public async Task Only_trusted_documents_applies_to_subscriptions()
    {
        await using var strict = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:TrustedDocuments:OnlyTrusted", "true"));
        await using var socket = await GraphQLWebSocket.OpenAsync(strict.Server, api.Token([Reader]));
        await socket.SubscribeAsync("adhoc", "subscription { onSupplierChanged { supplier { id } } }");
        var error = await socket.ReceiveMessageAsync();
        Assert.Equal(("error", "HC0067"), ((string?)error!["type"], (string?)error["payload"]![0]!["extensions"]!["code"]));
    }

    [Fact]
    public async Task The_tokens_expiry_closes_the_socket_with_4403()
    {
        // Arrange: a token valid for two more seconds (JwtBearer's clock skew would accept it for minutes more: the expiry is the token's)
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader], lifetime: TimeSpan.FromSeconds(2)));
        await socket.SubscribeAsync("1", "subscription { onSupplierChanged { supplier { id } } }");

        // Act
        var close = await socket.ReceiveCloseAsync();

        // Assert
        Assert.Equal(4403, close);
        Assert.Equal("Forbidden: the token expired", socket.CloseDescription);
    }

    [Fact]
    public async Task A_browser_page_of_another_origin_is_refused_at_the_handshake()
    {
        await using var production = api.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://app.contoso.com"));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => GraphQLWebSocket.ConnectAsync(production.Server, configure: r => r.Headers.Add("Origin", "https://evil.example.com")));
        await using var allowed = await GraphQLWebSocket.ConnectAsync(production.Server, configure: r => r.Headers.Add("Origin", "https://app.contoso.com"));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketState.Open, allowed.Socket.State);
    }
}
