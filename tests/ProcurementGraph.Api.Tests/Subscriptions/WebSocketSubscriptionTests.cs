using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
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
        await socket.PingPongAsync(); // the subscribe was handled

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
        Assert.Null(next["payload"]!["errors"]);
    }

    [Fact]
    public async Task A_rolled_back_write_sends_nothing_and_the_next_committed_one_is_the_first_event()
    {
        // Arrange: contract 5 is ACTIVE (the demo's first contracts), EXPIRED → DRAFT is not a move it may make
        var editor = api.CreateAs(Editor);
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Editor]));
        await socket.SubscribeAsync("s", "subscription { onSupplierChanged { supplier { id city } action changedFields } }");
        await socket.PingPongAsync();
        var stale = await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier,
            new { input = new { id = Id("Supplier", 7), expectedVersion = "00000000000000000000000000000000", city = "Never" } });
        var invalid = await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier,
            new { input = new { id = Id("Supplier", 7), expectedVersion = await LiveWrites.VersionOf(editor, "Supplier", 7), country = "XX" } });

        // Act
        await LiveWrites.UpdateSupplierCityAsync(editor, 8, "Committed");
        var next = await socket.ReceiveMessageAsync();

        // Assert: the two refused writes (a stale version, an invalid country) were rolled back and published nothing
        Assert.Equal("ConcurrencyConflictError", (string?)stale.Body.Payload("updateSupplier")["errors"]![0]!["__typename"]);
        Assert.Equal("ValidationError", (string?)invalid.Body.Payload("updateSupplier")["errors"]![0]!["__typename"]);
        var @event = next!["payload"]!["data"]!["onSupplierChanged"]!;
        Assert.Equal(Id("Supplier", 8), (string?)@event["supplier"]!["id"]);
        Assert.Equal("Committed", (string?)@event["supplier"]!["city"]);
        Assert.Equal("UPDATED", (string?)@event["action"]);
        Assert.Equal(["city"], @event["changedFields"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public async Task A_submitted_rating_reaches_a_subscriber_of_its_supplier_and_not_one_of_another()
    {
        // Arrange
        var rater = api.CreateRater();
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.SubscribeAsync("other", "subscription($s: ID) { onRatingSubmitted(supplierId: $s) { stakeholderRating { id } } }", new { s = Id("Supplier", 11) });
        await socket.SubscribeAsync("mine", """
            subscription($s: ID) { onRatingSubmitted(supplierId: $s) {
              stakeholderRating { id overall raterName supplier { id } businessUnit { code } } action changedAt } }
            """, new { s = Id("Supplier", 12) });
        await socket.PingPongAsync();

        // Act
        var rating = await LiveWrites.SubmitRatingAsync(rater, 12, overall: 5);
        var next = await socket.ReceiveMessageAsync();

        // Assert: a reader gets the rating without the rater's name (Admin only), as on reads
        Assert.Equal("mine", (string?)next?["id"]);
        var @event = next!["payload"]!["data"]!["onRatingSubmitted"]!;
        Assert.Equal((string?)rating["stakeholderRating"]!["id"], (string?)@event["stakeholderRating"]!["id"]);
        Assert.Equal(5, (int?)@event["stakeholderRating"]!["overall"]);
        Assert.Null(@event["stakeholderRating"]!["raterName"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)next["payload"]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("MFG-EU", (string?)@event["stakeholderRating"]!["businessUnit"]!["code"]);
        Assert.Equal("CREATED", (string?)@event["action"]);
    }

    [Fact]
    public async Task Goal_progress_reaches_a_subscriber_of_that_goal_with_the_value_before()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var before = await editor.PostGraphQLAsync($"{{ node(id: \"{Id("StrategicGoal", 2)}\") {{ ... on StrategicGoal {{ current }} }} }}");
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.SubscribeAsync("g", "subscription($g: ID) { onGoalProgressRecorded(goalId: $g) { strategicGoal { id current progress } previousCurrent } }",
            new { g = Id("StrategicGoal", 2) });
        await socket.PingPongAsync();

        // Act
        await LiveWrites.RecordGoalProgressAsync(editor, 1, 11m);
        await LiveWrites.RecordGoalProgressAsync(editor, 2, 1234.5m);
        var next = await socket.ReceiveMessageAsync();

        // Assert: goal 1's change is not this subscriber's
        var @event = next!["payload"]!["data"]!["onGoalProgressRecorded"]!;
        Assert.Equal(Id("StrategicGoal", 2), (string?)@event["strategicGoal"]!["id"]);
        Assert.Equal(1234.5m, (decimal?)@event["strategicGoal"]!["current"]);
        Assert.Equal((decimal?)before.Body["data"]!["node"]!["current"], (decimal?)@event["previousCurrent"]);
    }

    [Fact]
    public async Task A_created_supplier_is_an_event_with_every_written_field()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Admin]));
        await socket.SubscribeAsync("c", "subscription { onSupplierChanged { supplier { name status } action previousStatus changedFields } }");
        await socket.PingPongAsync();

        // Act
        await editor.PostGraphQLAsync("""
            mutation { createSupplier(input: { name: "Live Fasteners", legalName: "Live Fasteners AS", registrationNumber: "NO-LIVE-1", country: "NO", city: "Bergen", primaryContactEmail: "sales@live.example.com" }) { supplier { id } } }
            """);
        var next = await socket.ReceiveMessageAsync();

        // Assert
        var @event = next!["payload"]!["data"]!["onSupplierChanged"]!;
        Assert.Equal(("Live Fasteners", "PROSPECT", "CREATED"), ((string?)@event["supplier"]!["name"], (string?)@event["supplier"]!["status"], (string?)@event["action"]));
        Assert.Null(@event["previousStatus"]);
        var fields = @event["changedFields"]!.AsArray().Select(f => (string?)f).ToList();
        Assert.Contains("registrationNumber", fields); // Admin reads it
        Assert.Contains("city", fields);
    }

    [Fact]
    public async Task One_socket_runs_many_subscriptions_and_a_completed_one_gets_no_more_events()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var bus = api.Services.GetRequiredService<InProcessEntityChangeBus>();
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));
        await socket.SubscribeAsync("a", "subscription { onSupplierChanged(supplierId: \"" + Id("Supplier", 20) + "\") { supplier { city } } }");
        await socket.SubscribeAsync("b", "subscription { onSupplierChanged(supplierId: \"" + Id("Supplier", 20) + "\") { supplier { city } } }");
        await socket.PingPongAsync();
        var listening = bus.ListenerCount;

        // Act
        await LiveWrites.UpdateSupplierCityAsync(editor, 20, "First");
        var first = new[] { await socket.ReceiveMessageAsync(), await socket.ReceiveMessageAsync() };
        await socket.CompleteAsync("a");
        await socket.PingPongAsync(); // the complete was handled: "a" no longer listens
        await LiveWrites.UpdateSupplierCityAsync(editor, 20, "Second");
        var second = await socket.ReceiveMessageAsync();

        // Assert
        Assert.Equal(["a", "b"], first.Select(m => (string?)m!["id"]).Order());
        Assert.Equal(listening - 1, bus.ListenerCount);
        Assert.Equal(("b", "Second"), ((string?)second!["id"], (string?)second["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"]));
    }

    [Fact]
    public async Task Queries_and_mutations_over_the_socket_answer_one_next_then_complete()
    {
        // Arrange
        await using var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader]));

        // Act
        await socket.SubscribeAsync("q", "{ supplier(id: \"" + Id("Supplier", 1) + "\") { id } }");
        var next = await socket.ReceiveMessageAsync();
        var complete = await socket.ReceiveMessageAsync();

        // Assert
        Assert.Equal(("next", Id("Supplier", 1)), ((string?)next!["type"], (string?)next["payload"]!["data"]!["supplier"]!["id"]));
        Assert.Equal(("complete", "q"), ((string?)complete!["type"], (string?)complete["id"]));
    }

    [Fact]
    public async Task Events_cost_one_statement_per_group_of_subscribers_with_the_same_document()
    {
        // Arrange: the statements of the mutation alone
        var editor = api.CreateAs(Editor);
        await LiveWrites.UpdateSupplierCityAsync(editor, 30, "Warm");
        var version = await LiveWrites.VersionOf(editor, "Supplier", 30);
        api.Sql.Reset();
        await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier, new { input = new { id = Id("Supplier", 30), expectedVersion = version, city = "Alone" } });
        var alone = api.Sql.Count;
        const string Document = "subscription { onSupplierChanged { supplier { id city contracts(first: 2) { nodes { number } } } } }";
        var readers = new List<GraphQLWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader], name: $"reader {i}"));
            await socket.SubscribeAsync("1", Document);
            await socket.PingPongAsync();
            readers.Add(socket);
        }

        var admin = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Admin]));
        await admin.SubscribeAsync("1", Document);
        await admin.PingPongAsync();

        // Act
        version = await LiveWrites.VersionOf(editor, "Supplier", 30);
        api.Sql.Reset();
        await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier, new { input = new { id = Id("Supplier", 30), expectedVersion = version, city = "Watched" } });
        var events = new List<string?>();
        foreach (var socket in readers.Append(admin))
        {
            events.Add((string?)(await socket.ReceiveMessageAsync())!["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"]);
        }

        // Assert: three readers share one read, the admin (another group) reads once more
        Assert.All(events, city => Assert.Equal("Watched", city));
        Assert.Equal(alone + 2, api.Sql.Count);
        foreach (var socket in readers.Append(admin))
        {
            await socket.DisposeAsync();
        }
    }
}
