using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// <c>Database:ReadOnlyConnectionString</c> (issue 16 item 4) with two SQLite files: the replica is a copy of the primary
/// with markers (every supplier's name starts with <c>REPLICA </c>, every contract's annual value is 1.00, every rating's
/// overall score is 1), so each answer shows where it was read. The aggregates and the BI root lists read the replica;
/// lookups, <c>node</c> and mutations (their payloads too) read and write the primary only.
/// </summary>
public sealed class ReadReplicaTests(ReadReplicaTests.Factory api) : IClassFixture<ReadReplicaTests.Factory>
{
    private const string Marker = "REPLICA ";

    [Fact]
    public async Task Aggregates_read_the_replica()
    {
        var client = api.CreateAs(Reader);

        var (_, body) = await client.PostGraphQLAsync("""
            {
              contractsAggregate { nodes { count sum { annualValue } } }
              ratingsAggregate { nodes { count avg { overall } } }
              suppliersAggregate(groupBy: [COUNTRY], first: 100) { nodes { count } }
            }
            """);

        Assert.Null(body["errors"]);
        var contracts = body["data"]!["contractsAggregate"]!["nodes"]![0]!;
        Assert.Equal(api.Primary("SELECT COUNT(*) FROM Contracts"), (int)contracts["count"]!);
        Assert.Equal((decimal)(int)contracts["count"]!, (decimal)contracts["sum"]!["annualValue"]!); // 1.00 each: the replica's
        Assert.NotEqual(api.Primary("SELECT COUNT(*) FROM Contracts"), api.Primary("SELECT CAST(SUM(CAST(AnnualValue AS REAL)) AS INTEGER) FROM Contracts"));
        Assert.Equal(1.0, (double)body["data"]!["ratingsAggregate"]!["nodes"]![0]!["avg"]!["overall"]!);
        Assert.Equal(api.Primary("SELECT COUNT(*) FROM Suppliers"),
            body["data"]!["suppliersAggregate"]!["nodes"]!.AsArray().Sum(n => (int)n!["count"]!));
    }

    [Fact]
    public async Task The_bi_root_lists_read_the_replica_and_their_nested_lists_and_total_counts_too()
    {
        var client = api.CreateAs(Reader);

        var (_, body) = await client.PostGraphQLAsync("""
            {
              suppliers(first: 5) { totalCount nodes { name contracts(first: 2) { nodes { annualValue supplier { name } } } } }
              contracts(first: 3) { nodes { annualValue supplier { name } } }
              stakeholderRatings(first: 3) { nodes { overall supplier { name } } }
            }
            """);

        Assert.Null(body["errors"]);
        var suppliers = body["data"]!["suppliers"]!["nodes"]!.AsArray();
        Assert.Equal(5, suppliers.Count);
        Assert.All(suppliers, s => Assert.StartsWith(Marker, (string)s!["name"]!, StringComparison.Ordinal));
        Assert.All(suppliers.SelectMany(s => s!["contracts"]!["nodes"]!.AsArray()), c =>
        {
            Assert.Equal(1m, (decimal)c!["annualValue"]!);
            Assert.StartsWith(Marker, (string)c["supplier"]!["name"]!, StringComparison.Ordinal);
        });
        Assert.All(body["data"]!["contracts"]!["nodes"]!.AsArray(), c => Assert.Equal(1m, (decimal)c!["annualValue"]!));
        Assert.All(body["data"]!["stakeholderRatings"]!["nodes"]!.AsArray(), r =>
        {
            Assert.Equal(1, (int)r!["overall"]!);
            Assert.StartsWith(Marker, (string)r["supplier"]!["name"]!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Lookups_node_and_the_other_lists_read_the_primary()
    {
        var client = api.CreateAs(Reader);
        var id = Id("Supplier", 3);

        var (_, body) = await client.PostGraphQLAsync($$"""
            {
              supplier(id: "{{id}}") { name contracts(first: 2) { nodes { annualValue } } }
              node(id: "{{id}}") { ... on Supplier { name } }
              categories(first: 1) { nodes { contracts(first: 1) { nodes { supplier { name } } } } }
            }
            """);

        Assert.Null(body["errors"]);
        var name = (string)body["data"]!["supplier"]!["name"]!;
        Assert.Equal(api.PrimaryText("SELECT Name FROM Suppliers WHERE Id = 3"), name);
        Assert.False(name.StartsWith(Marker, StringComparison.Ordinal));
        Assert.Equal(name, (string)body["data"]!["node"]!["name"]!);
        Assert.All(body["data"]!["supplier"]!["contracts"]!["nodes"]!.AsArray(), c => Assert.NotEqual(1m, (decimal)c!["annualValue"]!));
        Assert.All(body["data"]!["categories"]!["nodes"]![0]!["contracts"]!["nodes"]!.AsArray(),
            c => Assert.False(((string)c!["supplier"]!["name"]!).StartsWith(Marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_mutation_writes_only_the_primary_and_its_payload_reads_the_primary()
    {
        var editor = api.CreateAs(Editor);
        var id = Id("Supplier", 6);
        var version = (string)(await editor.PostGraphQLAsync($$"""{ supplier(id: "{{id}}") { version } }""")).Body["data"]!["supplier"]!["version"]!;
        var replicaCity = api.ReplicaText("SELECT City FROM Suppliers WHERE Id = 6");

        var (_, body) = await editor.PostGraphQLAsync("""
            mutation Update($input: UpdateSupplierInput!) {
              updateSupplier(input: $input) { supplier { name city contracts(first: 2) { nodes { annualValue } } } errors { __typename } }
            }
            """, new { input = new { id, expectedVersion = version, city = "Replica Test City" } });

        var payload = body.Payload("updateSupplier");
        Assert.Empty(payload["errors"]?.AsArray() ?? []);
        Assert.Equal("Replica Test City", (string)payload["supplier"]!["city"]!);
        Assert.False(((string)payload["supplier"]!["name"]!).StartsWith(Marker, StringComparison.Ordinal));
        Assert.All(payload["supplier"]!["contracts"]!["nodes"]!.AsArray(), c => Assert.NotEqual(1m, (decimal)c!["annualValue"]!));
        Assert.Equal("Replica Test City", api.PrimaryText("SELECT City FROM Suppliers WHERE Id = 6"));
        Assert.Equal(replicaCity, api.ReplicaText("SELECT City FROM Suppliers WHERE Id = 6"));
        Assert.Equal(0, api.Replica("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'updateSupplier'"));
        Assert.Equal(1, api.Primary("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'updateSupplier' AND EntityKey = '6'"));
    }

    [Fact]
    public async Task The_replica_is_opened_read_only_and_reported_by_the_readiness_check()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string)body["checks"]!["readOnlyDatabase"]!["status"]!);
        var settings = api.Services.GetRequiredService<ProcurementGraph.Api.Data.Lifecycle.DatabaseSettings>();
        Assert.Equal(SqliteOpenMode.ReadOnly, new SqliteConnectionStringBuilder(settings.ReadOnlyConnectionString).Mode);
    }

    /// <summary>The application over a primary and a replica file, both copies of the demo database, the replica marked.</summary>
    public sealed class Factory : ApiHost
    {
        private readonly string _signingKey = DevelopmentTokens.NewSigningKey();
        private string _primary = "";
        private string _replica = "";

        public override async Task InitializeAsync()
        {
            _primary = await CopyDemoAsync();
            _replica = await CopyDemoAsync();
            using var connection = new SqliteConnection(TestDatabase.ConnectionString(_replica));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE Suppliers SET Name = '{Marker}' || Name;
                UPDATE Contracts SET AnnualValue = '1.0';
                UPDATE StakeholderRatings SET Overall = 1;
                PRAGMA journal_mode = DELETE;
                """;
            command.ExecuteNonQuery();
        }

        public HttpClient CreateAs(string role) => CreateClient(DevelopmentTokens.Create(_signingKey, [role], null, $"{role} user"));

        public long Primary(string sql) => Convert.ToInt64(Scalar(_primary, sql), CultureInfo.InvariantCulture);

        public long Replica(string sql) => Convert.ToInt64(Scalar(_replica, sql), CultureInfo.InvariantCulture);

        public string? PrimaryText(string sql) => (string?)Scalar(_primary, sql);

        public string? ReplicaText(string sql) => (string?)Scalar(_replica, sql);

        protected override void Configure(ApiHostBuilder host) =>
            host.OnSqlite(_primary, readOnlyPath: _replica).WithDevelopmentTokens(_signingKey);

        private static object? Scalar(string path, string sql)
        {
            using var connection = new SqliteConnection(TestDatabase.ConnectionString(path));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
    }
}
