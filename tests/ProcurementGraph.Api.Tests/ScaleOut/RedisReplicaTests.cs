using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.Hardening;
using ProcurementGraph.Api.Tests.Subscriptions;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Subscriptions;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.ScaleOut;

/// <summary>
/// Two replicas (two hosts over one database) sharing one real <c>redis-server</c> (issue 15 item 3): events, rate limits and
/// APQ documents hold across them, and Redis going away and coming back mid-run.
/// </summary>
public sealed class RedisReplicaTests
{
    private const string SupplierChanges = "subscription { onSupplierChanged { supplier { id city } action } }";

    [Fact]
    public async Task A_mutation_on_one_replica_reaches_subscribers_on_both_exactly_once()
    {
        // Arrange
        await using var replicas = await Replicas.StartAsync();
        var editor = replicas.A.CreateClient([Editor]);
        await using var onA = await GraphQLWebSocket.OpenAsync(replicas.A.Server, replicas.Token([Reader]));
        await using var onB = await GraphQLWebSocket.OpenAsync(replicas.B.Server, replicas.Token([Reader]));
        await onA.SubscribeAsync("a", SupplierChanges);
        await onB.SubscribeAsync("b", SupplierChanges);
        await onA.PingPongAsync();
        await onB.PingPongAsync();

        // Act: two writes on A
        await LiveWrites.UpdateSupplierCityAsync(editor, 21, "Across");
        await LiveWrites.UpdateSupplierCityAsync(editor, 22, "Twice");
        var firstA = await onA.ReceiveMessageAsync();
        var secondA = await onA.ReceiveMessageAsync();
        var firstB = await onB.ReceiveMessageAsync();
        var secondB = await onB.ReceiveMessageAsync();

        // Assert: each subscriber has the first change once, then the second (no copy from Redis on A, nothing lost on B)
        foreach (var (message, supplier, city) in new[] { (firstA, 21, "Across"), (secondA, 22, "Twice"), (firstB, 21, "Across"), (secondB, 22, "Twice") })
        {
            Assert.Equal("next", (string?)message?["type"]);
            var supplierNode = message!["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!;
            Assert.Equal(Id("Supplier", supplier), (string?)supplierNode["id"]);
            Assert.Equal(city, (string?)supplierNode["city"]);
            Assert.Null(message["payload"]!["errors"]);
        }
    }

    [Fact]
    public async Task A_write_costs_the_same_statements_with_redis_and_without_it()
    {
        // Arrange: the subscriber is on B, so A only writes (and publishes)
        await using var replicas = await Replicas.StartAsync();
        var editor = replicas.A.CreateClient([Editor]);
        await using var onB = await GraphQLWebSocket.OpenAsync(replicas.B.Server, replicas.Token([Reader]));
        await onB.SubscribeAsync("b", SupplierChanges);
        await onB.PingPongAsync();

        // Act
        var (withRedis, withRedisStatements) = await CountedCityUpdateAsync(replicas.A, editor, 71, "With Redis");
        var published = await onB.ReceiveMessageAsync();
        await replicas.Redis.StopAsync();
        var (withoutRedis, withoutRedisStatements) = await CountedCityUpdateAsync(replicas.A, editor, 72, "Without Redis");

        // Assert: at most 3 statements besides the audit insert, Redis or not (Redis is no SQL, and its absence costs no retry)
        Assert.Null(withRedis["errors"]);
        Assert.Null(withoutRedis["errors"]);
        Assert.Equal("With Redis", (string?)published!["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"]);
        Assert.Equal(3, withRedisStatements); // read, versioned UPDATE, the payload (as SupplierMutationTests)
        Assert.Equal(withRedisStatements, withoutRedisStatements);
    }

    private static async Task<(JsonNode Payload, int Statements)> CountedCityUpdateAsync(Replicas.Replica replica, HttpClient editor, int supplier, string city)
    {
        var version = await LiveWrites.VersionOf(editor, "Supplier", supplier);
        replica.Sql.Reset();
        var (_, body) = await editor.PostGraphQLAsync(LiveWrites.UpdateSupplier, new { input = new { id = Id("Supplier", supplier), expectedVersion = version, city } });
        var statements = replica.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        return (body.Payload("updateSupplier"), statements);
    }

    [Fact]
    public async Task One_callers_limit_holds_across_replicas_and_request_n_plus_one_gets_429_on_either()
    {
        // Arrange: 3 requests per 10 minutes for each caller, no queue
        await using var replicas = await Replicas.StartAsync(new Dictionary<string, string>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "600",
            ["RateLimiting:QueueLimit"] = "0",
        });
        var onA = replicas.A.CreateClient([Reader], "limited");
        var onB = replicas.B.CreateClient([Reader], "limited");
        var other = replicas.B.CreateClient([Reader], "someone else");

        // Act: A, B, A are the caller's 3; the 4th goes to B, the 5th to A
        var allowed = new List<HttpStatusCode>();
        foreach (var client in new[] { onA, onB, onA })
        {
            allowed.Add((await client.PostGraphQLAsync("{ __typename }")).Response.StatusCode);
        }

        var (fourth, fourthBody) = await onB.PostGraphQLAsync("{ __typename }");
        var (fifth, _) = await onA.PostGraphQLAsync("{ __typename }");
        var (others, _) = await other.PostGraphQLAsync("{ __typename }");

        // Assert
        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("RATE_LIMITED", fourthBody.ErrorCode());
        var retryAfter = fourth.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Equal((int)retryAfter.Value.TotalSeconds, (int?)fourthBody["errors"]![0]!["extensions"]!["retryAfter"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public async Task An_apq_hash_registered_on_one_replica_is_served_by_the_other()
    {
        // Arrange
        await using var replicas = await Replicas.StartAsync();
        const string query = "query TwoSuppliers { suppliers(first: 2, order: [{ id: ASC }]) { nodes { id name } } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        var onA = replicas.A.CreateClient([Reader]);
        var onB = replicas.B.CreateClient([Reader]);
        using var missOnB = await onB.PostAsJsonAsync("/graphql", new { extensions });

        // Act: registered on A (text with its hash), then the hash alone on B
        using var register = await onA.PostAsJsonAsync("/graphql", new { query, extensions });
        using var hitOnB = await onB.PostAsJsonAsync("/graphql", new { extensions });

        // Assert
        Assert.Contains("PersistedQueryNotFound", await missOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hitOnB.StatusCode);
        var body = JsonNode.Parse(await hitOnB.Content.ReadAsStringAsync())!;
        Assert.Null(body["errors"]);
        Assert.Equal(Id("Supplier", 1), (string?)body["data"]!["suppliers"]!["nodes"]![0]!["id"]);
    }

    [Fact]
    public async Task A_document_in_redis_under_another_hash_is_not_served()
    {
        // Arrange: someone with access to Redis puts a text under a hash that is not its own
        await using var replicas = await Replicas.StartAsync();
        const string registered = "{ suppliers(first: 1) { nodes { id } } }";
        var wrongHash = Convert.ToHexStringLower(SHA256.HashData("{ __typename }"u8));
        await using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(replicas.Redis.ConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("procurement-graph:apq:" + wrongHash, registered);
        }

        // Act
        using var response = await replicas.B.CreateClient([Reader]).PostAsJsonAsync("/graphql",
            new { extensions = new { persistedQuery = new { version = 1, sha256Hash = wrongHash } } });

        // Assert: the text's hash is checked on read; the client is asked for the text as for an unknown hash
        Assert.Contains("PersistedQueryNotFound", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_going_away_keeps_reads_and_writes_working_tells_subscribers_and_they_resume_when_it_is_back()
    {
        // Arrange: a subscriber on each replica, events flowing through Redis
        await using var replicas = await Replicas.StartAsync();
        var editor = replicas.A.CreateClient([Editor]);
        var reader = replicas.B.CreateClient([Reader]);
        var healthA = replicas.A.CreateClient();
        var healthB = replicas.B.CreateClient();
        await using var onA = await GraphQLWebSocket.OpenAsync(replicas.A.Server, replicas.Token([Reader]));
        await using var onB = await GraphQLWebSocket.OpenAsync(replicas.B.Server, replicas.Token([Reader]));
        await onA.SubscribeAsync("a", SupplierChanges);
        await onB.SubscribeAsync("b", SupplierChanges);
        await onA.PingPongAsync();
        await onB.PingPongAsync();
        await LiveWrites.UpdateSupplierCityAsync(editor, 31, "Before");
        var before = await onB.ReceiveMessageAsync();
        _ = await onA.ReceiveMessageAsync();
        var (healthyResponse, healthy) = await healthA.GetJsonAsync("/health/ready");

        // Act 1: Redis stops
        await replicas.Redis.StopAsync();
        var interruptedB = await onB.ReceiveMessageAsync();
        var interruptedA = await onA.ReceiveMessageAsync();
        var (degradedStatus, degraded) = await ReplicaWait.ReadyAsync(healthA, body => ReplicaWait.RedisIs(body, "Degraded"));
        var write = await LiveWrites.UpdateSupplierCityAsync(editor, 32, "During");
        var localEvent = await onA.ReceiveMessageAsync();
        var (readResponse, read) = await reader.PostGraphQLAsync("{ suppliers(first: 1) { nodes { id } } }");

        // Act 2: Redis is back on the same port
        await replicas.Redis.RestartAsync();
        var (backStatus, back) = await ReplicaWait.ReadyAsync(healthB, body => (string?)body["status"] == "Healthy");
        var attempt = 0;
        var skipped = new List<JsonNode>();
        var resumed = await ReplicaWait.NextDataAsync(onB, () => LiveWrites.UpdateSupplierCityAsync(editor, 33, $"After {++attempt}"), skipped);

        // Assert: before
        Assert.Equal(HttpStatusCode.OK, healthyResponse.StatusCode);
        Assert.Equal("Healthy", (string?)healthy["checks"]!["redis"]!["status"]);
        Assert.Equal("Before", (string?)before!["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"]);

        // the subscriptions got an error and stayed open
        foreach (var (message, id) in new[] { (interruptedB, "b"), (interruptedA, "a") })
        {
            Assert.Equal("next", (string?)message?["type"]);
            Assert.Equal(id, (string?)message!["id"]);
            Assert.Equal(SubscriptionErrorCodes.EventsInterrupted, (string?)message["payload"]!["errors"]![0]!["extensions"]!["code"]);
        }

        // the replica is Degraded (still 200: it serves), the write committed and its own subscriber got it, reads work
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)degradedStatus);
        Assert.Equal("Degraded", (string?)degraded["status"]);
        Assert.Equal("Degraded", (string?)degraded["checks"]!["redis"]!["status"]);
        Assert.Contains("Redis is unreachable", (string?)degraded["checks"]!["redis"]!["description"], StringComparison.Ordinal);
        Assert.Equal("Healthy", (string?)degraded["checks"]!["database"]!["status"]);
        Assert.Null(write["errors"]);
        Assert.NotNull((string?)write["supplier"]!["version"]);
        Assert.Equal("During", (string?)localEvent!["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"]);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
        Assert.Null(read["errors"]);

        // Redis is back: healthy again, and the subscriber on B receives the next write made on A
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)backStatus);
        Assert.Equal("Healthy", (string?)back["checks"]!["redis"]!["status"]);
        Assert.Null(back["checks"]!["redis"]!["description"]);
        Assert.Equal("b", (string?)resumed["id"]);
        Assert.StartsWith("After ", (string?)resumed["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"], StringComparison.Ordinal);
        Assert.All(skipped, m => Assert.Equal(SubscriptionErrorCodes.EventsInterrupted, (string?)m["payload"]?["errors"]?[0]?["extensions"]?["code"]));
    }

    [Fact]
    public async Task Replicas_start_and_serve_while_redis_is_away_and_share_events_once_it_is_there()
    {
        // Arrange: Redis is down when both replicas start
        await using var replicas = await Replicas.StartAsync(redisAway: true);
        var editor = replicas.A.CreateClient([Editor]);
        var health = replicas.B.CreateClient();
        var (readResponse, read) = await replicas.B.CreateClient([Reader]).PostGraphQLAsync("{ suppliers(first: 1) { nodes { id } } }");
        var (degradedResponse, degraded) = await health.GetJsonAsync("/health/ready");
        await using var onB = await GraphQLWebSocket.OpenAsync(replicas.B.Server, replicas.Token([Reader]));
        await onB.SubscribeAsync("b", SupplierChanges);
        await onB.PingPongAsync();

        // Act: Redis comes up; B subscribes to the channel then
        await replicas.Redis.RestartAsync();
        var (_, healthy) = await ReplicaWait.ReadyAsync(health, body => (string?)body["status"] == "Healthy");
        var attempt = 0;
        var skipped = new List<JsonNode>();
        var @event = await ReplicaWait.NextDataAsync(onB, () => LiveWrites.UpdateSupplierCityAsync(editor, 41, $"Late {++attempt}"), skipped);

        // Assert
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
        Assert.Null(read["errors"]);
        Assert.Equal(HttpStatusCode.OK, degradedResponse.StatusCode);
        Assert.Equal("Degraded", (string?)degraded["checks"]!["redis"]!["status"]);
        Assert.Equal("Healthy", (string?)healthy["checks"]!["redis"]!["status"]);
        Assert.StartsWith("Late ", (string?)@event["payload"]!["data"]!["onSupplierChanged"]!["supplier"]!["city"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_redis_the_rate_limiter_falls_back_to_each_replicas_own_window()
    {
        // Arrange: 2 per window; Redis is stopped before the first request
        await using var replicas = await Replicas.StartAsync(new Dictionary<string, string>
        {
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:WindowSeconds"] = "600",
            ["RateLimiting:QueueLimit"] = "0",
        });
        await replicas.Redis.StopAsync();
        var onA = replicas.A.CreateClient([Reader], "limited");
        var onB = replicas.B.CreateClient([Reader], "limited");

        // Act
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { onA, onA, onB, onB, onA })
        {
            statuses.Add((await client.PostGraphQLAsync("{ __typename }")).Response.StatusCode);
        }

        // Assert: each replica counts alone (2 each), the third on A is refused
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
