using ProcurementGraph.TestKit;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// Two replicas of the real application in one test: two hosts over one copy of the demo database, sharing one real
/// <see cref="RedisServer"/> (<c>Redis:ConnectionString</c>) and one token signing key, as two processes behind a load balancer.
/// </summary>
public sealed class Replicas : IAsyncDisposable
{
    private readonly string _signingKey = DevelopmentTokens.NewSigningKey();
    private readonly string _database;

    private Replicas(RedisServer redis, string database, IReadOnlyDictionary<string, string> settings)
    {
        Redis = redis;
        _database = database;
        A = new Replica(this, settings);
        B = new Replica(this, settings);
    }

    public RedisServer Redis { get; }

    public Replica A { get; }

    public Replica B { get; }

    /// <summary>
    /// Starts Redis and both replicas (A first: it is the one that would migrate); <paramref name="settings"/> go to both.
    /// <paramref name="redisAway"/>: Redis is stopped before the replicas start (restart it with <see cref="RedisServer.RestartAsync"/>).
    /// </summary>
    public static async Task<Replicas> StartAsync(IReadOnlyDictionary<string, string>? settings = null, bool redisAway = false)
    {
        var redis = await RedisServer.StartAsync();
        if (redisAway)
        {
            await redis.StopAsync();
        }

        var replicas = new Replicas(redis, await TestDatabase.CopyDemoAsync(), settings ?? new Dictionary<string, string>());
        _ = replicas.A.Server;
        _ = replicas.B.Server;
        return replicas;
    }

    public string Token(IEnumerable<string> roles, string name = "dev-user") => DevelopmentTokens.Create(_signingKey, roles, null, name);

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.StopAsync();
        TestDatabase.Delete(_database);
    }

    /// <summary>One replica.</summary>
    public sealed class Replica(Replicas replicas, IReadOnlyDictionary<string, string> settings) : ApiHost
    {
        /// <summary>The SQL statements this replica sends.</summary>
        public SqlStatementCounter Sql { get; } = new();

        public HttpClient CreateClient(IEnumerable<string> roles, string name = "dev-user") => CreateClient(replicas.Token(roles, name));

        /// <summary>No database of its own: the replicas share one.</summary>
        public override Task InitializeAsync() => Task.CompletedTask;

        protected override void Configure(ApiHostBuilder host) =>
            host.OnSqlite(replicas._database)
                .WithSetting("Redis:ConnectionString", replicas.Redis.ConnectionString)
                .WithDevelopmentTokens(replicas._signingKey)
                .WithSettings(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
                .WithInterceptors(Sql);
    }
}
