using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>Each subscription over <c>graphql-transport-ws</c> through the real server: the event after the mutation commits.</summary>
public sealed class WebSocketSubscriptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_contract_status_change_reaches_a_subscriber_with_its_previous_status()
    {
        // Arrange: contract 3 is a DRAFT
        var editor = api.CreateAs(Editor);
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.SubscribeAsync("1", "subscription { onContractStatusChanged { contract { id number status } previousStatus changedAt } }");
        await Task.Delay(0);

        // Act
        await LiveWrites.ChangeContractStatusAsync(editor, 3, "ACTIVE");
        var next = await socket.ReceiveMessageAsync();

        // Assert
        Assert.Equal("next", (string?)next?["type"]);
        Assert.Equal("1", (string?)next?["id"]);
        var @event = next!["payload"]!["data"]!["onContractStatusChanged"]!;
        Assert.Equal(Id("Contract", 3), (string?)@event["contract"]!["id"]);
        Assert.Equal("ACTIVE", (string?)@event["contract"]!["status"]);
        Assert.Equal("DRAFT", (string?)@event["previousStatus"]);
        Assert.NotNull((string?)@event["changedAt"]);
    }
}
