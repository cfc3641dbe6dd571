using System.Globalization;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.Aggregates;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Performance;

/// <summary>The performance tests' two servers (<see cref="DemoAndRandomApis"/>), one pair for this class.</summary>
public sealed class PerformanceData : DemoAndRandomApis;

/// <summary>
/// Satisfaction next to savings through HTTP (issue 16 item 3): every figure of every row equals the oracle computed from the
/// base tables, on the demo and a seeded random set and after random rating and contract writes; filtering, sorting by
/// valueGap, keyset paging, statement counts and partner probes.
/// </summary>
public sealed class PerformanceQueryTests(PerformanceData data) : IClassFixture<PerformanceData>
{
    private const string Figures = "period ratingCount valueWeightedScore previousValueWeightedScore scoreTrend contractCount annualSavings savingsPercent valueGap";

    [Theory]
    [MemberData(nameof(DemoAndRandomApis.Sets), MemberType = typeof(DemoAndRandomApis))]
    public async Task Every_category_and_unit_quarter_equals_the_oracle(string set)
    {
        var api = data.Api(set);

        await AssertAllEqualOracleAsync(api);
    }

    [Fact]
    public async Task The_cpos_query_sorts_the_latest_quarters_categories_by_value_gap_and_pages_with_keyset_cursors()
    {
        var api = data.DemoApi;
        var oracle = await PerformanceOracle.LoadAsync(api.DatabasePath, byCategory: true);
        var latest = oracle.Max(r => r.Period)!;
        var expected = oracle.Where(r => r.Period == latest)
            .OrderByDescending(r => r.ValueGap.HasValue).ThenByDescending(r => r.ValueGap).ThenBy(r => r.Id).ToList();
        Assert.True(expected.Count > 10, $"{expected.Count} categories rated in {latest}");
        const string Query = """
            query ValueGapByCategory($period: String!, $after: String) {
              categoryPerformance(where: { period: { eq: $period } }, order: [{ valueGap: DESC }], first: 7, after: $after) {
                totalCount
                nodes { category { id code } valueGap ratingCount }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var client = api.CreateClient();
        var seen = new List<JsonNode>();
        string? after = null;
        do
        {
            api.Sql.Reset();
            var (_, body) = await client.PostGraphQLAsync(Query, new { period = latest, after });
            Assert.Null(body["errors"]);
            var connection = body["data"]!["categoryPerformance"]!;
            Assert.Equal(expected.Count, (int)connection["totalCount"]!);
            Assert.Equal(2, api.Sql.Count); // the page (with the categories joined) and the total
            seen.AddRange(connection["nodes"]!.AsArray().Select(n => n!));
            after = (bool)connection["pageInfo"]!["hasNextPage"]! ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        Assert.Equal(expected.Select(r => r.Key), seen.Select(n => Key(n["category"]!["id"]!)));
        Assert.Equal(expected.Select(r => r.RatingCount), seen.Select(n => (int)n["ratingCount"]!));
        Assert.All(expected.Zip(seen), pair => AssertClose(pair.First.ValueGap, pair.Second["valueGap"]));
    }

    [Theory]
    [MemberData(nameof(DemoAndRandomApis.Sets), MemberType = typeof(DemoAndRandomApis))]
    public async Task Filters_on_the_figures_and_the_category_match_the_oracle(string set)
    {
        var api = data.Api(set);
        var oracle = await PerformanceOracle.LoadAsync(api.DatabasePath, byCategory: true);
        var units = await PerformanceOracle.LoadAsync(api.DatabasePath, byCategory: false);
        var codes = await CategoryCodesAsync(api);
        var periods = oracle.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal).TakeLast(3).ToArray();

        var (_, body) = await api.CreateClient().PostGraphQLAsync("""
            query Filtered($periods: [String!]) {
              categoryPerformance(first: 50, where: { period: { in: $periods }, category: { code: { startsWith: "IT." } }, ratingCount: { gte: 3 }, scoreTrend: { lt: 0 } },
                                  order: [{ scoreTrend: ASC }]) {
                totalCount nodes { category { id } period scoreTrend }
              }
              gaps: categoryPerformance(first: 50, where: { valueGap: { gt: 0.02 }, savingsPercent: { lte: 0.5 } }, order: [{ annualSavings: DESC }]) {
                totalCount nodes { category { id } period annualSavings }
              }
              units: businessUnitPerformance(first: 50, where: { period: { in: $periods }, valueWeightedScore: { lt: 3.5 } }, order: [{ valueWeightedScore: ASC }]) {
                totalCount nodes { businessUnit { id } period valueWeightedScore }
              }
            }
            """, new { periods });

        Assert.Null(body["errors"]);
        var trend = oracle.Where(r => periods.Contains(r.Period) && codes[r.Key].StartsWith("IT.", StringComparison.Ordinal) && r.RatingCount >= 3 && r.ScoreTrend < 0)
            .OrderBy(r => r.ScoreTrend).ThenBy(r => r.Id).ToList();
        AssertRows(trend.Take(50), body["data"]!["categoryPerformance"]!, "category", trend.Count);
        var gaps = oracle.Where(r => r.ValueGap > 0.02 && r.SavingsPercent <= 0.5).OrderByDescending(r => r.Savings).ThenBy(r => r.Id).ToList();
        AssertRows(gaps.Take(50), body["data"]!["gaps"]!, "category", gaps.Count);
        var low = units.Where(r => periods.Contains(r.Period) && r.Score < 3.5).OrderBy(r => r.Score).ThenBy(r => r.Id).ToList();
        AssertRows(low.Take(50), body["data"]!["units"]!, "businessUnit", low.Count);
    }

    [Fact]
    public async Task Figures_follow_random_rating_and_contract_writes()
    {
        var api = new ApiFactory();
        await api.InitializeAsync();
        try
        {
            await WriteRandomlyAsync(api);
            await AssertAllEqualOracleAsync(api);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    private static async Task WriteRandomlyAsync(ApiFactory api)
    {
        var random = new Random(RandomAggregateData.Seed);
        var admin = api.CreateAs(Admin);
        var pairs = Rows(api, "SELECT SupplierId, CategoryId FROM StakeholderRatings WHERE CategoryId IS NOT NULL GROUP BY SupplierId, CategoryId ORDER BY SupplierId, CategoryId LIMIT 200");
        var categories = Rows(api, "SELECT Id, 0 FROM Categories ORDER BY Id").Select(r => r.A).ToList();
        for (var i = 0; i < 12; i++)
        {
            var (supplier, category) = pairs[random.Next(pairs.Count)];
            var (_, body) = await admin.PostGraphQLAsync(
                "mutation($input: SubmitRatingInput!) { submitRating(input: $input) { errors { __typename ... on ValidationError { field code } } } }",
                new { input = new { supplierId = Id("Supplier", supplier), categoryId = Id("Category", category), businessUnitId = Id("BusinessUnit", random.Next(1, 7)),
                    period = $"{random.Next(2025, 2027)}-Q{random.Next(1, 5)}", quality = Score(random), delivery = Score(random), responsiveness = Score(random),
                    innovation = Score(random), costValue = Score(random), overall = Score(random) } });
            NoErrors(body.Payload("submitRating"));
        }

        // A batch: one multi-row INSERT (the toolkit's BulkInserter), the row trigger runs per row.
        var batch = Enumerable.Range(0, 25).Select(_ => pairs[random.Next(pairs.Count)]).Select(pair => new
        {
            supplierId = Id("Supplier", pair.A), categoryId = random.Next(4) == 0 ? null : Id("Category", pair.B), businessUnitId = Id("BusinessUnit", random.Next(1, 13)),
            period = $"2026-Q{random.Next(1, 5)}", quality = Score(random), delivery = Score(random), responsiveness = Score(random),
            innovation = Score(random), costValue = Score(random), overall = Score(random),
        }).ToList();
        var (_, many) = await admin.PostGraphQLAsync(
            "mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { errors { __typename ... on ValidationError { field code } } } }",
            new { input = new { ratings = batch } });
        NoErrors(many.Payload("submitRatings"));

        foreach (var (rating, _) in Rows(api, $"SELECT Id, 0 FROM StakeholderRatings ORDER BY (Id * 7919) % 10007 LIMIT 10"))
        {
            var version = Version(api, "StakeholderRatings", rating);
            object input = random.Next(3) switch
            {
                0 => new { id = Id("StakeholderRating", rating), expectedVersion = version, quality = Score(random), costValue = Score(random) },
                1 => new { id = Id("StakeholderRating", rating), expectedVersion = version, period = $"2026-Q{random.Next(1, 5)}" },
                _ => new { id = Id("StakeholderRating", rating), expectedVersion = version, categoryId = random.Next(2) == 0 ? null : Id("Category", categories[random.Next(categories.Count)]) },
            };
            var (_, body) = await admin.PostGraphQLAsync("mutation($input: UpdateRatingInput!) { updateRating(input: $input) { errors { __typename ... on ValidationError { field code } } } }", new { input });
            NoErrors(body.Payload("updateRating"));
        }

        foreach (var (rating, _) in Rows(api, "SELECT Id, 0 FROM StakeholderRatings ORDER BY (Id * 104729) % 10009 LIMIT 5"))
        {
            var (_, body) = await admin.PostGraphQLAsync("mutation($input: WithdrawRatingInput!) { withdrawRating(input: $input) { errors { __typename ... on ValidationError { field code } } } }",
                new { input = new { id = Id("StakeholderRating", rating), expectedVersion = Version(api, "StakeholderRatings", rating) } });
            NoErrors(body.Payload("withdrawRating"));
        }

        foreach (var (contract, status) in Rows(api, "SELECT Id, Status FROM Contracts WHERE Status IN (1, 2) ORDER BY (Id * 7919) % 2003 LIMIT 10"))
        {
            var version = Version(api, "Contracts", contract);
            var (_, body) = random.Next(2) == 0
                ? await admin.PostGraphQLAsync("mutation($input: UpdateContractInput!) { updateContract(input: $input) { errors { __typename ... on ValidationError { field code } } } }",
                    new { input = new { id = Id("Contract", contract), expectedVersion = version, annualValue = random.Next(1000, 900_000) + 0.25m,
                        baselineAnnualCost = random.Next(1000, 1_000_000) + 0.5m, endDate = $"{random.Next(2029, 2032)}-0{random.Next(1, 10)}-15" } })
                : await admin.PostGraphQLAsync("mutation($input: ChangeContractStatusInput!) { changeContractStatus(input: $input) { errors { __typename ... on ValidationError { field code } } } }",
                    new { input = new { id = Id("Contract", contract), expectedVersion = version, status = status == 1 ? "ACTIVE" : random.Next(2) == 0 ? "EXPIRED" : "TERMINATED" } });
            NoErrors(body.Payload(body["data"]!.AsObject().Single().Key));
        }
    }

    [Fact]
    public async Task A_partner_gets_neither_field_and_cannot_reach_the_rows_through_a_filter()
    {
        var partner = data.DemoApi.CreateClient([Partner], new Dictionary<string, object> { ["supplier_id"] = "7" });

        var (_, body) = await partner.PostGraphQLAsync("""
            { categoryPerformance(first: 5) { totalCount nodes { annualSavings valueGap } }
              businessUnitPerformance(first: 5) { nodes { valueWeightedScore } } }
            """);

        Assert.Null(body["data"]?["categoryPerformance"]);
        Assert.Null(body["data"]?["businessUnitPerformance"]);
        var errors = body["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["extensions"]!["code"] == "AUTH_NOT_AUTHORIZED" && (string?)e["path"]![0] == "categoryPerformance");
        Assert.Contains(errors, e => (string?)e!["extensions"]!["code"] == "AUTH_NOT_AUTHORIZED" && (string?)e["path"]![0] == "businessUnitPerformance");
        Assert.DoesNotContain("annualSavings\":", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_graphql_error_not_a_server_error()
    {
        var (response, body) = await data.DemoApi.CreateClient().PostGraphQLAsync(
            """{ categoryPerformance(first: 5, after: "not-a-cursor", where: { valueGap: { gt: 0.1 } }) { nodes { period } } }""");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body["errors"]);
        Assert.DoesNotContain("Unexpected Execution Error", body.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task AssertAllEqualOracleAsync(ApiFactory api)
    {
        foreach (var (field, reference, byCategory) in new[] { ("categoryPerformance", "category", true), ("businessUnitPerformance", "businessUnit", false) })
        {
            var expected = await PerformanceOracle.LoadAsync(api.DatabasePath, byCategory);
            var actual = await AllAsync(api, field, reference);
            Assert.Equal(expected.Select(r => (r.Key, r.Period)), actual.Select(n => (Key(n[reference]!["id"]!), (string)n["period"]!)));
            foreach (var (row, node) in expected.Zip(actual))
            {
                AssertFigures(row, node);
            }
        }
    }

    private static void AssertFigures(PerformanceRow row, JsonNode node)
    {
        var where = $"{row.Key} {row.Period}";
        Assert.True(row.RatingCount == (int)node["ratingCount"]!, where);
        AssertClose(row.Score, node["valueWeightedScore"]);
        AssertClose(row.PreviousScore, node["previousValueWeightedScore"]);
        AssertClose(row.ScoreTrend, node["scoreTrend"]);
        Assert.True(row.ContractCount == (int)node["contractCount"]!, where);
        Assert.True(row.Savings == decimal.Parse(node["annualSavings"]!.ToJsonString(), CultureInfo.InvariantCulture), $"{where}: {row.Savings} vs {node["annualSavings"]}");
        AssertClose(row.SavingsPercent, node["savingsPercent"]);
        AssertClose(row.ValueGap, node["valueGap"]);
    }

    private static void AssertRows(IEnumerable<PerformanceRow> expected, JsonNode connection, string reference, int total)
    {
        Assert.Equal(total, (int)connection["totalCount"]!);
        Assert.Equal(expected.Select(r => (r.Key, r.Period)), connection["nodes"]!.AsArray().Select(n => (Key(n![reference]!["id"]!), (string)n["period"]!)));
    }

    private static async Task<List<JsonNode>> AllAsync(ApiFactory api, string field, string reference)
    {
        var client = api.CreateClient();
        var nodes = new List<JsonNode>();
        string? after = null;
        do
        {
            var (_, body) = await client.PostGraphQLAsync(
                $$"""query($after: String) { {{field}}(first: 50, after: $after) { nodes { {{reference}} { id } {{Figures}} } pageInfo { hasNextPage endCursor } } }""",
                new { after });
            Assert.Null(body["errors"]);
            var connection = body["data"]![field]!;
            nodes.AddRange(connection["nodes"]!.AsArray().Select(n => n!));
            after = (bool)connection["pageInfo"]!["hasNextPage"]! ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        return nodes;
    }

    private static async Task<Dictionary<int, string>> CategoryCodesAsync(ApiFactory api)
    {
        await using var db = TestDatabase.Open(api.DatabasePath);
        return db.Categories.ToDictionary(c => c.Id, c => c.Code);
    }

    private static void AssertClose(double? expected, JsonNode? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        var value = (double)actual;
        Assert.True(Math.Abs(expected.Value - value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)), $"expected {expected}, got {value}");
    }

    private static int Key(JsonNode id)
    {
        Assert.True(GlobalId.TryDecode((string)id!, out _, out var key));
        return int.Parse(key, CultureInfo.InvariantCulture);
    }

    private static void NoErrors(JsonNode payload) =>
        Assert.True(payload["errors"] is null || payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());

    private static int Score(Random random) => random.Next(1, 6);

    private static string Version(ApiFactory api, string table, int id)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(TestDatabase.ConnectionString(api.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT lower(hex(Version)) FROM {table} WHERE Id = {id}";
        return (string)command.ExecuteScalar()!;
    }

    private static List<(int A, int B)> Rows(ApiFactory api, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(TestDatabase.ConnectionString(api.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(int, int)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return rows;
    }
}
