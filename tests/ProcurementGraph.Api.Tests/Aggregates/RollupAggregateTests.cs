using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>
/// <c>contractsAggregate</c> grouped by category and/or start quarter reads the trigger-kept <c>ContractQuarterTotals</c>
/// (the bench's contractsByCategoryQuarter) when nothing else is asked of it, and the contracts otherwise; through HTTP, on the
/// demo and the random set, both paths give the oracle's figures (counts, sums to the cent, averages as Σ cents / count).
/// After random writes the rollup rows themselves are compared in DerivedFigureTests.
/// </summary>
[Collection(AggregateCollection.Name)]
public sealed class RollupAggregateTests(AggregateData data)
{
    private const string BenchQuery = """
        query Page($first: Int, $after: String) {
          contractsAggregate(groupBy: [CATEGORY, START_QUARTER], first: $first, after: $after) {
            totalCount
            nodes { key { category { code } startQuarter } count sum { annualValue annualSavings } avg { annualValue annualSavings } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(AggregateData.Sets), MemberType = typeof(AggregateData))]
    public async Task The_bench_query_reads_the_rollup_in_pages_and_equals_the_oracle(string set)
    {
        var api = data.Api(set);
        var contracts = data.Rows(set).Contracts;
        var codes = CategoryCodes(api);
        var expected = contracts.GroupBy(c => (c.CategoryId, Quarter: c.StartDate.Year * 10 + (c.StartDate.Month + 2) / 3))
            .OrderBy(g => g.Key.CategoryId).ThenBy(g => g.Key.Quarter)
            .Select(g => Figures(codes[g.Key.CategoryId], $"{g.Key.Quarter / 10}-Q{g.Key.Quarter % 10}", g))
            .ToList();

        var nodes = new List<JsonNode>();
        string? after = null;
        var pages = 0;
        api.Sql.Reset();
        do
        {
            var body = await PostAsync(api, BenchQuery, new { first = 7, after });
            var page = body["data"]!["contractsAggregate"]!;
            Assert.Equal(expected.Count, (int)page["totalCount"]!);
            nodes.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
            pages++;
        }
        while (after is not null && pages < 1000);

        Assert.Equal(expected, nodes.Select(Read).ToList());
        // Per page: the groups, the total count, the page's categories; the groups and the count read the rollup alone.
        Assert.Equal(3 * pages, api.Sql.Count);
        var grouped = api.Sql.Commands.Where(sql => sql.Contains("GROUP BY", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * pages, grouped.Count);
        Assert.All(grouped, sql =>
        {
            Assert.Contains("\"ContractQuarterTotals\"", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Contracts\"", sql, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("groupBy: [START_QUARTER], order: [{ sum: { annualSavings: DESC } }, { avg: { annualValue: ASC } }, { count: DESC }]", true)]
    [InlineData("groupBy: [CATEGORY]", true)]
    [InlineData("groupBy: [CATEGORY, START_QUARTER], where: { status: { eq: ACTIVE } }", false)]
    [InlineData("groupBy: [CATEGORY, STATUS]", false)]
    [InlineData("groupBy: [START_QUARTER], having: { count: { gt: 1 } }", false)]
    [InlineData("groupBy: [START_QUARTER], order: [{ max: { annualValue: DESC } }]", false)]
    public async Task Other_requests_read_the_contracts_when_the_rollup_cannot_answer_them_and_give_the_same_figures(string arguments, bool rollup)
    {
        var api = data.DemoApi;
        var query = $$"""{ contractsAggregate({{arguments}}, first: 1000) { nodes { key { category { id } startQuarter status } count sum { annualValue annualSavings } avg { annualValue annualSavings } } } }""";

        api.Sql.Reset();
        var fast = Nodes(await PostAsync(api, query), "contractsAggregate");
        var read = api.Sql.Commands[0];
        // The same request with a where that every contract passes reads the contracts: the oracle path of the toolkit.
        var everyContract = arguments.Contains("where: {", StringComparison.Ordinal)
            ? query.Replace("where: {", "where: { number: { neq: \"-\" },", StringComparison.Ordinal)
            : query.Replace("contractsAggregate(", "contractsAggregate(where: { number: { neq: \"-\" } }, ", StringComparison.Ordinal);
        api.Sql.Reset();
        var slow = Nodes(await PostAsync(api, everyContract), "contractsAggregate");
        Assert.Contains("\"Contracts\"", api.Sql.Commands[0], StringComparison.Ordinal);

        Assert.Equal(rollup, read.Contains("\"ContractQuarterTotals\"", StringComparison.Ordinal));
        Assert.Equal(!rollup, read.Contains("\"Contracts\"", StringComparison.Ordinal));
        Assert.NotEmpty(fast);
        Assert.Equal(slow.Select(n => n.ToJsonString()), fast.Select(n => n.ToJsonString()));
    }

    private static (string Code, string Quarter, int Count, decimal Value, decimal Savings, double AvgValue, double AvgSavings) Figures(
        string code, string quarter, IGrouping<(int, int), ContractRow> group)
    {
        var value = group.Sum(c => c.AnnualValue);
        var savings = group.Sum(c => c.AnnualSavings);
        // AVG over whole cents, scaled back: (Σ cents / count) / 100 in floating point.
        return (code, quarter, group.Count(), value, savings, (double)(long)(value * 100) / group.Count() / 100, (double)(long)(savings * 100) / group.Count() / 100);
    }

    private static (string, string, int, decimal, decimal, double, double) Read(JsonNode node) => (
        (string)node["key"]!["category"]!["code"]!, (string)node["key"]!["startQuarter"]!, (int)node["count"]!,
        Decimal(node["sum"]!["annualValue"]), Decimal(node["sum"]!["annualSavings"]),
        (double)node["avg"]!["annualValue"]!, (double)node["avg"]!["annualSavings"]!);

    private static Dictionary<int, string> CategoryCodes(ApiFactory api)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(TestDatabase.ConnectionString(api.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Code FROM Categories";
        using var reader = command.ExecuteReader();
        var codes = new Dictionary<int, string>();
        while (reader.Read())
        {
            codes[reader.GetInt32(0)] = reader.GetString(1);
        }

        return codes;
    }

    private static async Task<JsonNode> PostAsync(ApiFactory api, string query, object? variables = null)
    {
        var (response, body) = await api.CreateClient().PostGraphQLAsync(query, variables);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body;
    }

    private static List<JsonNode> Nodes(JsonNode body, string field) => [.. body["data"]![field]!["nodes"]!.AsArray().Select(n => n!)];

    private static decimal Decimal(JsonNode? value) => decimal.Parse(value!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
