using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>A partner's subscriptions carry its own supplier's events only, with its fields hidden as on reads.</summary>
public sealed class PartnerSubscriptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int OwnSupplier = 3;

    [Fact]
    public async Task In_a_burst_of_1000_mixed_events_a_partner_receives_its_own_and_nothing_foreign()
    {
        // Arrange: the partner follows every supplier and every contract; an internal reader follows suppliers too
        var editor = api.CreateAs(Editor);
        var partnerToken = api.Token([Partner], new Dictionary<string, object> { ["supplier_id"] = OwnSupplier.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Partner 3");
        await using var partner = await GraphQLWebSocket.OpenAsync(api.Server, partnerToken);
        await partner.SubscribeAsync("suppliers", "subscription { onSupplierChanged { supplier { id city registrationNumber } changedFields } }");
        await partner.SubscribeAsync("contracts", "subscription { onContractStatusChanged { contract { id supplier { id } } } }");
        await using var reader = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await reader.SubscribeAsync("suppliers", "subscription { onSupplierChanged { supplier { id city } } }");
        var versions = new Dictionary<int, string>();
        for (var s = 1; s <= 20; s++)
        {
            versions[s] = await LiveWrites.VersionOf(editor, "Supplier", s);
        }

        // Act: 1,000 committed supplier changes over 20 suppliers (50 of them the partner's), then the partner's END marker
        for (var i = 0; i < 1000; i++)
        {
            var supplier = (i % 20) + 1;
            var (_, body) = await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier,
                new { input = new { id = Id("Supplier", supplier), expectedVersion = versions[supplier], city = $"Burst {i}" } });
            versions[supplier] = (string)body.Payload("updateSupplier")["supplier"]!["version"]!;
        }

        await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier,
            new { input = new { id = Id("Supplier", OwnSupplier), expectedVersion = versions[OwnSupplier], city = "END" } });
        // An event resolves its entity as it is when read, so a late reader may see a later city than its own change wrote:
        // the messages are counted, and each one's city must be its own change or a later one of the same supplier.
        var received = await ReceiveAsync(partner, 51);
        var readerMessages = await ReceiveAsync(reader, 1001);

        // Assert: the partner's 51 are its own supplier's, in commit order, fields hidden
        Assert.All(received, m => Assert.Equal("suppliers", (string?)m["id"]));
        Assert.All(received, m => Assert.Equal(Id("Supplier", OwnSupplier), (string?)Supplier(m)["id"]));
        Assert.Equal("END", (string?)Supplier(received[^1])["city"]);
        for (var k = 0; k < 50; k++)
        {
            AssertSameOrLaterChange(received[k], change: (20 * k) + 2);
        }

        Assert.All(received, m =>
        {
            Assert.Null(Supplier(m)["registrationNumber"]);
            Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)m["payload"]!["errors"]![0]!["extensions"]!["code"]);
        });

        // Assert: the reader's 1,001 are every change once, in commit order, the END marker last
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(Id("Supplier", (i % 20) + 1), (string?)Supplier(readerMessages[i])["id"]);
            AssertSameOrLaterChange(readerMessages[i], change: i);
        }

        Assert.Equal(Id("Supplier", OwnSupplier), (string?)Supplier(readerMessages[1000])["id"]);
        Assert.Equal("END", (string?)Supplier(readerMessages[1000])["city"]);
    }

    [Fact]
    public async Task A_partner_gets_its_own_contracts_status_changes_and_not_another_suppliers()
    {
        // Arrange: contracts 1 and 2 belong to different suppliers
        var editor = api.CreateAs(Editor);
        var (_, owners) = await editor.PostGraphQLAsync("{ contracts(first: 200, where: { status: { eq: DRAFT } }, order: [{ id: ASC }]) { nodes { id supplier { id } } } }");
        var drafts = owners["data"]!["contracts"]!["nodes"]!.AsArray();
        var own = drafts.First(n => (string?)n!["supplier"]!["id"] != Id("Supplier", OwnSupplier))!;
        var ownSupplierKey = int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)own["supplier"]!["id"]!)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        var foreign = drafts.First(n => (string?)n!["supplier"]!["id"] != (string?)own["supplier"]!["id"])!;
        await using var partner = await GraphQLWebSocket.OpenAsync(api.Server,
            api.Token([Partner], new Dictionary<string, object> { ["supplier_id"] = ownSupplierKey.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await partner.SubscribeAsync("c", "subscription { onContractStatusChanged { contract { id annualSavings } previousStatus } }");

        // Act
        await LiveWrites.ChangeContractStatusAsync(editor, Key((string)foreign["id"]!), "ACTIVE");
        await LiveWrites.ChangeContractStatusAsync(editor, Key((string)own["id"]!), "ACTIVE");
        var next = await partner.ReceiveMessageAsync();

        // Assert: the first event is its own contract's (the foreign one was read and not delivered), savings hidden
        var @event = next!["payload"]!["data"]!["onContractStatusChanged"]!;
        Assert.Equal((string?)own["id"], (string?)@event["contract"]!["id"]);
        Assert.Null(@event["contract"]!["annualSavings"]);
        Assert.Equal("DRAFT", (string?)@event["previousStatus"]);
    }

    private static System.Text.Json.Nodes.JsonNode Supplier(System.Text.Json.Nodes.JsonNode message) =>
        message["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!;

    private static async Task<List<System.Text.Json.Nodes.JsonNode>> ReceiveAsync(GraphQLWebSocket socket, int count)
    {
        var messages = new List<System.Text.Json.Nodes.JsonNode>();
        while (messages.Count < count)
        {
            messages.Add(await socket.ReceiveMessageAsync() ?? throw new InvalidOperationException($"closed {(int?)socket.CloseStatus} after {messages.Count}"));
        }

        return messages;
    }

    /// <summary>The event of burst change <paramref name="change"/> shows that change's city, a later change's of the same supplier, or END.</summary>
    private static void AssertSameOrLaterChange(System.Text.Json.Nodes.JsonNode message, int change)
    {
        var city = (string?)Supplier(message)["city"];
        if (city == "END")
        {
            Assert.Equal(OwnSupplier, (change % 20) + 1);
            return;
        }

        var shown = int.Parse(city!["Burst ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(shown >= change && shown % 20 == change % 20, $"change {change} showed {city}");
    }

    private static int Key(string id) =>
        int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
}
