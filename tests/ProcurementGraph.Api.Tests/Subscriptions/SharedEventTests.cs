using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>
/// What an event costs: subscribers of one shape (same roles, document and variables) share its read, execution and
/// serialization, so the statements per event do not grow with their number; a subscriber whose arguments the committed values
/// already contradict costs no statement at all.
/// </summary>
public sealed class SharedEventTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Ratings = "subscription { onRatingSubmitted { stakeholderRating { id overall supplier { id name } } action } }";
    private const string RatingsOf = "subscription($s: ID) { onRatingSubmitted(supplierId: $s) { stakeholderRating { id overall } } }";

    [Fact]
    public async Task The_statements_per_event_are_the_same_for_one_and_for_eight_subscribers_of_one_shape()
    {
        // Arrange
        var rater = api.CreateRater();
        var (oneStatements, one) = await StatementsForOneRatingAsync(rater, subscribers: 1, supplier: 21);

        // Act
        var (eightStatements, eight) = await StatementsForOneRatingAsync(rater, subscribers: 8, supplier: 22);

        // Assert: the same statements (the mutation's, then one read of the event for the group); every subscriber got the event
        Assert.Equal(oneStatements, eightStatements);
        Assert.Single(one);
        Assert.Equal(8, eight.Count);
        Assert.All(eight, e => Assert.Equal(eight[0], e));
        Assert.Contains("\"overall\":4", eight[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribers_of_another_supplier_cost_no_statement_and_receive_nothing()
    {
        // Arrange: one unfiltered subscriber (it tells when the event was handled) and, in the second run, five of supplier 31
        var rater = api.CreateRater();
        var (alone, _) = await StatementsForOneRatingAsync(rater, subscribers: 1, supplier: 30);
        var others = new List<GraphQLWebSocket>();
        for (var i = 0; i < 5; i++)
        {
            var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader], name: $"watcher-{i}"));
            await socket.SubscribeAsync("of31", RatingsOf, new { s = Id("Supplier", 31 + (i % 2 == 0 ? 0 : 100)) });
            await socket.PingPongAsync();
            others.Add(socket);
        }

        try
        {
            // Act: a rating of supplier 30
            var (withOthers, _) = await StatementsForOneRatingAsync(rater, subscribers: 1, supplier: 30);

            // Assert: no statement for them, and nothing was sent to them
            Assert.Equal(alone, withOthers);
            foreach (var socket in others)
            {
                Assert.Empty(await socket.PingPongAsync());
            }
        }
        finally
        {
            foreach (var socket in others)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Subscribers_of_one_shape_and_of_another_role_each_get_their_own_fields()
    {
        // Arrange: three readers and one admin with the same document; raterName is the Admin's only
        var rater = api.CreateRater();
        const string Document = "subscription { onRatingSubmitted { stakeholderRating { id raterName } } }";
        var readers = new List<GraphQLWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            readers.Add(await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader], name: $"reader-{i}")));
        }

        await using var admin = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Admin], name: "admin"));
        foreach (var socket in readers.Append(admin))
        {
            await socket.SubscribeAsync("r", Document);
            await socket.PingPongAsync();
        }

        try
        {
            // Act
            await LiveWrites.SubmitRatingAsync(rater, 33);

            // Assert: the readers share one answer without the name; the admin's has it
            foreach (var socket in readers)
            {
                var next = await socket.ReceiveMessageAsync();
                Assert.Null(next!["payload"]!["data"]!["onRatingSubmitted"]!["stakeholderRating"]!["raterName"]);
                Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)next["payload"]!["errors"]![0]!["extensions"]!["code"]);
            }

            var adminNext = await admin.ReceiveMessageAsync();
            Assert.NotNull((string?)adminNext!["payload"]!["data"]!["onRatingSubmitted"]!["stakeholderRating"]!["raterName"]);
            Assert.Null(adminNext["payload"]!["errors"]);
        }
        finally
        {
            foreach (var socket in readers)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Subscribers_of_one_shape_get_every_event_of_two_bursts_once_and_in_commit_order()
    {
        // Arrange: six readers with the same document (one group: one of them executes each event, the others send its result)
        var rater = api.CreateRater();
        var sockets = new List<GraphQLWebSocket>();
        try
        {
            await OpenReadersAsync(sockets, 6, "burst");

            // Act: two batches of 15 ratings, one after the other
            var committed = new List<string>();
            for (var batch = 0; batch < 2; batch++)
            {
                var ratings = Enumerable.Range(0, 15).Select(i => new
                {
                    supplierId = Id("Supplier", 40 + i), period = "2026-Q3", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3,
                    overall = (i % 5) + 1,
                });
                var (_, body) = await rater.PostGraphQLAsync(
                    "mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id } errors { __typename } } }",
                    new { input = new { ratings } });
                committed.AddRange(body.Payload("submitRatings")["stakeholderRatings"]!.AsArray().Select(r => (string)r!["id"]!));
            }

            // Assert: every subscriber got the 30 events in the order they were committed, and nothing more
            Assert.Equal(30, committed.Distinct().Count());
            foreach (var socket in sockets)
            {
                var received = new List<string>();
                for (var i = 0; i < committed.Count; i++)
                {
                    var next = await socket.ReceiveMessageAsync();
                    Assert.Equal("next", (string?)next?["type"]);
                    received.Add((string)next!["payload"]!["data"]!["onRatingSubmitted"]!["stakeholderRating"]!["id"]!);
                }

                Assert.Equal(committed, received);
                Assert.Empty(await socket.PingPongAsync());
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_burst_of_events_of_one_commit_costs_a_group_one_read()
    {
        // Arrange: the statements of a batch of 15 ratings with no subscriber
        var rater = api.CreateRater();
        var alone = await StatementsForABurstAsync(rater, subscribers: 0, firstSupplier: 60);

        // Act: the same batch (other suppliers) with four readers of one shape
        var withGroup = await StatementsForABurstAsync(rater, subscribers: 4, firstSupplier: 75);

        // Assert: one more statement, the read of the 15 entities for the group (it was one per event)
        Assert.Equal(alone + 1, withGroup);
    }

    /// <summary>Opens the readers, submits 15 ratings in one commit, waits until every reader received all 15 and returns the statements from the submit on.</summary>
    private async Task<int> StatementsForABurstAsync(HttpClient rater, int subscribers, int firstSupplier)
    {
        var sockets = new List<GraphQLWebSocket>();
        try
        {
            await OpenReadersAsync(sockets, subscribers, $"burst-{firstSupplier}");
            api.Sql.Reset();
            var ratings = Enumerable.Range(firstSupplier, 15).Select(supplier => new
            {
                supplierId = Id("Supplier", supplier), period = "2026-Q3", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall = 4,
            });
            var (_, body) = await rater.PostGraphQLAsync(
                "mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id } errors { __typename } } }",
                new { input = new { ratings } });
            Assert.Equal(15, body.Payload("submitRatings")["stakeholderRatings"]!.AsArray().Count);
            foreach (var socket in sockets)
            {
                for (var i = 0; i < 15; i++)
                {
                    var next = await socket.ReceiveMessageAsync();
                    Assert.Equal("next", (string?)next?["type"]);
                }
            }

            return api.Sql.Count;
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    /// <summary>Opens the subscribers (readers, one socket each), submits one rating and returns the statements sent from the submit to the last delivery, and the payloads.</summary>
    private async Task<(int Statements, List<string> Payloads)> StatementsForOneRatingAsync(HttpClient rater, int subscribers, int supplier)
    {
        var sockets = new List<GraphQLWebSocket>();
        try
        {
            await OpenReadersAsync(sockets, subscribers, "subscriber");
            api.Sql.Reset();
            await LiveWrites.SubmitRatingAsync(rater, supplier);
            var payloads = new List<string>();
            foreach (var socket in sockets)
            {
                var next = await socket.ReceiveMessageAsync();
                Assert.Equal("next", (string?)next?["type"]);
                payloads.Add(next!["payload"]!.ToJsonString());
            }

            return (api.Sql.Count, payloads);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    /// <summary>Opens <paramref name="count"/> readers (one socket each, named <paramref name="name"/>-i) subscribed to <see cref="Ratings"/>, into <paramref name="sockets"/> as they open (the caller disposes them).</summary>
    private async Task OpenReadersAsync(List<GraphQLWebSocket> sockets, int count, string name)
    {
        for (var i = 0; i < count; i++)
        {
            var socket = await GraphQLWebSocket.OpenAsync(api.Server, api.Token([Reader], name: $"{name}-{i}"));
            sockets.Add(socket);
            await socket.SubscribeAsync("r", Ratings);
            await socket.PingPongAsync();
        }
    }
}
