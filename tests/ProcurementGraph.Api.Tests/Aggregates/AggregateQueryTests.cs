using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>
/// Aggregates as a BI tool uses them, through HTTP on the demo data: several keys, <c>having</c>, <c>order</c>, paging over
/// groups, SQL statement counts (one per aggregate field, one per object key, none per group), and bad input.
/// </summary>
[Collection(AggregateCollection.Name)]
public sealed class AggregateQueryTests(AggregateData data)
{
    private ApiFactory Api => data.DemoApi;

    private List<ContractRow> Contracts => data.Rows(AggregateData.Demo).Contracts;

    [Fact]
    public async Task The_issues_query_groups_active_contracts_by_category_and_status_as_the_oracle_does()
    {
        var body = await PostAsync("""
            {
              contractsAggregate(where: { status: { eq: ACTIVE } }, groupBy: [CATEGORY, STATUS], first: 100) {
                nodes {
                  key { category { id code name } status owner { name } }
                  count
                  sum { annualValue annualSavings }
                  avg { annualValue }
                  min { annualValue }
                  max { annualValue }
                  countDistinct { supplier }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """);

        var expected = Contracts.Where(c => c.Status == 2).GroupBy(c => c.CategoryId).OrderBy(g => g.Key).ToList();
        var nodes = Nodes(body, "contractsAggregate");
        Assert.Equal(expected.Select(g => g.Key), nodes.Select(n => IdOf(n["key"]!["category"]!)));
        foreach (var (node, group) in nodes.Zip(expected))
        {
            Assert.Equal("ACTIVE", (string?)node["key"]!["status"]);
            Assert.Null(node["key"]!["owner"]);
            Assert.NotNull((string?)node["key"]!["category"]!["code"]);
            Assert.Equal(group.Count(), (int)node["count"]!);
            Assert.Equal(group.Sum(c => c.AnnualValue), Decimal(node["sum"]!["annualValue"]));
            Assert.Equal(group.Sum(c => c.AnnualSavings), Decimal(node["sum"]!["annualSavings"]));
            Assert.Equal(group.Min(c => c.AnnualValue), Decimal(node["min"]!["annualValue"]));
            Assert.Equal(group.Max(c => c.AnnualValue), Decimal(node["max"]!["annualValue"]));
            Assert.Equal(group.Average(c => (double)c.AnnualValue), (double)node["avg"]!["annualValue"]!, 6);
            Assert.Equal(group.Select(c => c.SupplierId).Distinct().Count(), (int)node["countDistinct"]!["supplier"]!);
        }

        Assert.False((bool)body["data"]!["contractsAggregate"]!["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Having_and_order_filter_and_sort_groups_by_their_aggregates()
    {
        var body = await PostAsync("""
            {
              big: contractsAggregate(groupBy: [CATEGORY], having: { count: { gt: 10 }, sum: { annualValue: { gte: 1000000 } } }, first: 100) {
                totalCount nodes { key { category { id } } count }
              }
              savings: contractsAggregate(groupBy: [SUPPLIER_COUNTRY], order: [{ sum: { annualSavings: DESC } }], first: 100) {
                nodes { key { supplierCountry } sum { annualSavings } }
              }
              either: contractsAggregate(groupBy: [OWNER, STATUS], having: { or: [{ max: { annualValue: { gt: 1500000 } } }, { avg: { savingsPercent: { lt: 0.02 } } }] }, first: 500) {
                nodes { key { owner { id } status } }
              }
            }
            """);

        var big = Contracts.GroupBy(c => c.CategoryId).Where(g => g.Count() > 10 && g.Sum(c => c.AnnualValue) >= 1_000_000m).OrderBy(g => g.Key).ToList();
        Assert.NotEmpty(big);
        Assert.Equal(big.Select(g => g.Key), Nodes(body, "big").Select(n => IdOf(n["key"]!["category"]!)));
        Assert.Equal(big.Select(g => g.Count()), Nodes(body, "big").Select(n => (int)n["count"]!));
        Assert.Equal(big.Count, (int)body["data"]!["big"]!["totalCount"]!);
        var savings = Contracts.GroupBy(c => c.SupplierCountry)
            .OrderByDescending(g => g.Sum(c => c.AnnualSavings)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(savings.Select(g => g.Key), Nodes(body, "savings").Select(n => (string?)n["key"]!["supplierCountry"]));
        Assert.Equal(savings.Select(g => g.Sum(c => c.AnnualSavings)), Nodes(body, "savings").Select(n => Decimal(n["sum"]!["annualSavings"])!.Value));
        var either = Contracts.GroupBy(c => (c.OwnerId, c.Status))
            .Where(g => g.Max(c => c.AnnualValue) > 1_500_000m || g.Select(c => c.SavingsPercent).Average() < 0.02)
            .OrderBy(g => g.Key.OwnerId).ThenBy(g => g.Key.Status).ToList();
        Assert.NotEmpty(either);
        Assert.Equal(either.Select(g => g.Key.OwnerId), Nodes(body, "either").Select(n => IdOf(n["key"]!["owner"]!)));
    }

    [Fact]
    public async Task Two_pages_of_groups_are_all_groups_once_each_with_one_statement_per_page()
    {
        const string Page = """
            query Page($first: Int, $after: String) {
              contractsAggregate(groupBy: [CATEGORY, START_YEAR], order: [{ count: DESC }], first: $first, after: $after) {
                totalCount nodes { key { category { id } startYear } count } pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var total = (int)(await PostAsync(Page, new { first = 0 }))["data"]!["contractsAggregate"]!["totalCount"]!;
        var half = (total + 1) / 2;

        Api.Sql.Reset();
        var first = await PostAsync(Page, new { first = half });
        var after = (string?)first["data"]!["contractsAggregate"]!["pageInfo"]!["endCursor"];
        var second = await PostAsync(Page, new { first = half, after });

        var groups = Nodes(first, "contractsAggregate").Concat(Nodes(second, "contractsAggregate"))
            .Select(n => (Category: IdOf(n["key"]!["category"]!), Year: (int)n["key"]!["startYear"]!, Count: (int)n["count"]!)).ToList();
        var expected = Contracts.GroupBy(c => (c.CategoryId, c.StartDate.Year))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.CategoryId).ThenBy(g => g.Key.Year)
            .Select(g => (g.Key.CategoryId, g.Key.Year, g.Count())).ToList();
        Assert.Equal(expected, groups);
        Assert.Equal(total, groups.Distinct().Count());
        Assert.True((bool)first["data"]!["contractsAggregate"]!["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)second["data"]!["contractsAggregate"]!["pageInfo"]!["hasNextPage"]!);
        // Per page: the groups, the total count, the categories of the page.
        Assert.Equal(6, Api.Sql.Count);
    }

    [Theory]
    [InlineData("contractsAggregate(groupBy: [CATEGORY, STATUS], first: $first) { nodes { key { status } count sum { annualValue } avg { savingsPercent } } }", 1)]
    [InlineData("contractsAggregate(groupBy: [CATEGORY, STATUS], first: $first) { totalCount nodes { count } }", 2)]
    [InlineData("contractsAggregate(groupBy: [CATEGORY, OWNER], first: $first) { nodes { key { category { code name } owner { name } } count } }", 3)]
    [InlineData("contractsAggregate(groupBy: [SUPPLIER], first: $first) { edges { cursor node { key { supplier { name contracts(first: 2) { totalCount nodes { number } } } } } } }", 2)]
    [InlineData("ratingsAggregate(groupBy: [BUSINESS_UNIT, PERIOD], first: $first) { nodes { key { businessUnit { name } period } avg { valueWeightedScore overall } } }", 2)]
    [InlineData("suppliersAggregate(groupBy: [COUNTRY], first: $first) { nodes { key { country } sum { activeContractValue } countDistinct { status } } }", 1)]
    [InlineData("a: contractsAggregate(first: $first) { nodes { count } } b: ratingsAggregate(first: $first) { nodes { count } }", 2)]
    public async Task Each_aggregate_field_is_one_statement_plus_one_per_object_key_whatever_the_number_of_groups(string selection, int statements)
    {
        foreach (var first in new[] { 3, 300 })
        {
            Api.Sql.Reset();

            var body = await PostAsync($"query Q($first: Int) {{ {selection} }}", new { first });

            Assert.True(body["errors"] is null, body.ToJsonString());
            Assert.Equal(statements, Api.Sql.Count);
            Assert.All(Api.Sql.Commands.Take(1), sql => Assert.Contains("COUNT(*)", sql, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_key_at_once_and_a_key_named_twice_group_as_expected()
    {
        var body = await PostAsync("""
            {
              all: contractsAggregate(groupBy: [CATEGORY, OWNER, SUPPLIER, STATUS, SUPPLIER_COUNTRY, SUPPLIER_RISK_LEVEL, CURRENCY, AUTO_RENEW, START_YEAR, START_QUARTER, END_YEAR, END_QUARTER], first: 1000) {
                totalCount nodes { count }
              }
              twice: contractsAggregate(groupBy: [STATUS, STATUS]) { nodes { key { status } count } }
              once: contractsAggregate(groupBy: [STATUS]) { nodes { key { status } count } }
            }
            """);

        var groups = Contracts.GroupBy(c => (c.CategoryId, c.OwnerId, c.SupplierId, c.Status, c.StartDate.Year, (c.StartDate.Month + 2) / 3,
            c.EndDate.Year, (c.EndDate.Month + 2) / 3, c.AutoRenew, c.OriginalCurrency)).ToList();
        Assert.Equal(groups.Count, (int)body["data"]!["all"]!["totalCount"]!);
        Assert.Equal(Math.Min(1000, groups.Count), Nodes(body, "all").Count);
        Assert.Equal(body["data"]!["once"]!.ToJsonString(), body["data"]!["twice"]!.ToJsonString());
    }

    public static TheoryData<string, string> BadInput => new()
    {
        // A key not grouped by has no single value per group.
        { """{ contractsAggregate(groupBy: [STATUS], order: [{ key: { category: ASC } }]) { nodes { count } } }""", "AGGREGATE_KEY_NOT_GROUPED" },
        // having filters aggregates: a key field, a sum of a ratio, an unknown key are refused by validation.
        { """{ contractsAggregate(groupBy: [STATUS], having: { status: { eq: ACTIVE } }) { nodes { count } } }""", "ARGUMENTS_OF_CORRECT_TYPE" },
        { """{ contractsAggregate(groupBy: [STATUS], having: { sum: { savingsPercent: { gt: 0 } } }) { nodes { count } } }""", "ARGUMENTS_OF_CORRECT_TYPE" },
        { """{ contractsAggregate(groupBy: [COLOUR]) { nodes { count } } }""", "ARGUMENTS_OF_CORRECT_TYPE" },
        { """{ contractsAggregate(groupBy: [STATUS]) { nodes { sum { savingsPercent } } } }""", "FIELDS_ON_CORRECT_TYPE" },
        { """{ contractsAggregate(groupBy: [STATUS], having: { count: { eq: null } }) { nodes { count } } }""", "HC0026" },
        { """{ contractsAggregate(groupBy: [STATUS], having: { sum: { annualValue: { contains: "1" } } }) { nodes { count } } }""", "ARGUMENTS_OF_CORRECT_TYPE" },
        { """{ contractsAggregate(groupBy: [STATUS], first: 5000) { nodes { count } } }""", "HC0051" },
        { """{ contractsAggregate(groupBy: [STATUS], after: "bm90IGEgY3Vyc29y") { nodes { count } } }""", "HC0078" },
        { """{ contractsAggregate(groupBy: [STATUS], first: -1) { nodes { count } } }""", "HC0079" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_clear_graphql_error_never_a_500(string query, string code)
    {
        var (response, body) = await Api.CreateClient().PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(code, (string?)error["extensions"]?["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.DoesNotContain("Unexpected", (string?)error["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(body["data"]?["contractsAggregate"]);
    }

    [Fact]
    public async Task An_aggregate_costs_a_page_of_groups_plus_the_grouping_weight()
    {
        var (_, grouped) = await PostCostAsync("{ contractsAggregate(groupBy: [CATEGORY], first: 100) { nodes { count sum { annualValue } } } }");
        var (_, list) = await PostCostAsync("{ contracts(first: 100) { nodes { number } } }");

        // contractsAggregate @cost 60 (10 + grouping 50) + nodes 1 + 50 × sum 1 = 111; contracts 10 + nodes 1 = 11.
        Assert.Equal(111, (double)grouped["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(11, (double)list["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    private async Task<JsonNode> PostAsync(string query, object? variables = null)
    {
        var (response, body) = await Api.CreateClient().PostGraphQLAsync(query, variables);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body;
    }

    private async Task<(HttpResponseMessage, JsonNode)> PostCostAsync(string query)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Add("GraphQL-Cost", "report");
        return await client.PostGraphQLAsync(query);
    }

    private static List<JsonNode> Nodes(JsonNode body, string field) => [.. body["data"]![field]!["nodes"]!.AsArray().Select(n => n!)];

    private static int IdOf(JsonNode node) =>
        GlobalId.TryDecode((string)node["id"]!, out _, out var key) ? int.Parse(key, CultureInfo.InvariantCulture) : throw new FormatException();

    private static decimal? Decimal(JsonNode? value) =>
        value is null ? null : decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
