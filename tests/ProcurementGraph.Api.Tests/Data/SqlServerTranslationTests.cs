using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Querying.Paging;
using Snapshooter;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The T-SQL EF Core generates for representative GraphQL requests on the SQL Server provider, produced offline
/// (no server runs here), parsed by Microsoft's T-SQL parser and snapshotted so a change in generated SQL shows in review.
/// </summary>
public sealed class SqlServerTranslationTests(SqlServerApiFactory api) : IClassFixture<SqlServerApiFactory>
{
    public static TheoryData<string, string> Requests() => new()
    {
        { "supplierList", """{ suppliers(first: 50, where: {country: {eq: "DE"}, status: {eq: ACTIVE}}, order: [{name: ASC}]) { totalCount nodes { id name country city status riskLevel } } }""" },
        { "deepPage", $$"""{ suppliers(first: 50, after: "{{KeysetCursor.Encode(["Mercer Logistics", 50000])}}", order: [{name: ASC}]) { nodes { name } pageInfo { hasNextPage endCursor } } }""" },
        { "backwardPage", $$"""{ contracts(last: 20, before: "{{KeysetCursor.Encode([DateOnly.Parse("2027-01-31", System.Globalization.CultureInfo.InvariantCulture), 400])}}", order: [{endDate: DESC}]) { nodes { number endDate } pageInfo { hasPreviousPage startCursor } } }""" },
        { "supplierScorecard", """{ supplier(id: "U3VwcGxpZXI6MQ==") { name riskLevel activeContractValue contracts(first: 20, order: [{endDate: DESC}]) { totalCount nodes { number title annualValue category { name } } } categories { isPreferred category { name } } ratingSummary { count averageOverall averageValueWeightedScore lastRatedOn } } }""" },
        { "categoryTree", """{ categories(first: 20, where: {level: {eq: 1}}, order: [{name: ASC}]) { nodes { code name contractedSpend supplierCount children { code name contractedSpend children { code name supplierCount } } } } }""" },
        { "contractsExpiring", """{ contracts(first: 50, where: {isExpiringSoon: {eq: true}}, order: [{endDate: ASC}]) { nodes { number endDate daysToExpiry noticePeriodDays supplier { name } owner { name } } } }""" },
        { "goalDashboard", """{ strategicGoals(where: {status: {in: [ACTIVE, AT_RISK]}}, order: [{theme: ASC}]) { nodes { code title theme progress categories { weight category { name contractCoverage } } } } }""" },
        { "biExtract", """{ contracts(first: 1000, order: [{number: ASC}]) { nodes { number title status startDate endDate annualValue supplier { name } category { code } } pageInfo { hasNextPage endCursor } } }""" },
        { "filters", """{ suppliers(first: 10, where: {or: [{name: {contains: "tech"}}, {legalName: {startsWith: "ab"}}], contracts: {some: {annualValue: {gt: 100000}}}, riskLevel: {in: [HIGH, CRITICAL]}, lastAuditOn: {eq: null}}) { nodes { name } } }""" },
        { "nestedConnection", """{ suppliers(first: 5) { nodes { name contracts(first: 3, where: {status: {eq: ACTIVE}}, order: [{annualValue: DESC}]) { totalCount edges { cursor node { number annualSavings savingsPercent } } pageInfo { hasNextPage } } } } }""" },
        { "nodeLookup", """{ node(id: "U3VwcGxpZXI6MQ==") { id ... on Supplier { name country status riskLevel activeContractValue } } }""" },
        { "ratings", """{ stakeholderRatings(first: 20, order: [{ratedOn: DESC}]) { nodes { period overall valueWeightedScore businessUnit { name } supplier { name } } } }""" },
        { "businessUnits", """{ businessUnits { nodes { code name valueDrivers { driver weight } contracts(first: 5) { totalCount } } } }""" },
        { "valueGapByCategory", """{ categoryPerformance(first: 20, where: {period: {eq: "2026-Q2"}}, order: [{valueGap: DESC}]) { totalCount nodes { category { code name } period ratingCount valueWeightedScore scoreTrend annualSavings savingsPercent valueGap } pageInfo { hasNextPage endCursor } } }""" },
        { "businessUnitPerformance", """{ businessUnitPerformance(first: 20, where: {annualSavings: {gt: 1000}, scoreTrend: {lt: 0}}, order: [{annualSavings: DESC}]) { nodes { businessUnit { name } period valueWeightedScore scoreTrend annualSavings } } }""" },
        { "contractsByCategoryQuarter", """{ contractsAggregate(where: {status: {eq: ACTIVE}}, groupBy: [CATEGORY, START_QUARTER], having: {count: {gt: 1}}, order: [{sum: {annualValue: DESC}}], first: 100) { totalCount nodes { key { category { code } startQuarter } count sum { annualValue annualSavings } avg { annualValue savingsPercent } min { annualValue } max { annualValue } countDistinct { supplier supplierCountry } } pageInfo { hasNextPage endCursor } } }""" },
        { "contractsAggregatePage", $$$"""{ contractsAggregate(groupBy: [SUPPLIER_COUNTRY, STATUS], order: [{avg: {savingsPercent: DESC}}], first: 20, after: "{{{KeysetCursor.Encode([0.05, "DE", 2])}}}") { nodes { key { supplierCountry status } count } pageInfo { hasNextPage } } }""" },
        { "contractsTotal", """{ contractsAggregate(where: {supplier: {country: {eq: "DE"}}}) { nodes { count sum { annualValue } max { totalValue } } } }""" },
        { "ratingsByUnitPeriod", """{ ratingsAggregate(groupBy: [BUSINESS_UNIT, PERIOD], having: {avg: {valueWeightedScore: {lt: 3.5}}}, order: [{avg: {valueWeightedScore: ASC}}], first: 50) { nodes { key { businessUnit { name } period } count avg { overall valueWeightedScore } sum { valueWeightedScore } countDistinct { supplier category } } } }""" },
        { "suppliersByCountry", """{ suppliersAggregate(groupBy: [COUNTRY, RISK_LEVEL], having: {sum: {activeContractValue: {gt: 0}}}, order: [{max: {activeContractValue: DESC}}]) { nodes { key { country riskLevel } count sum { activeContractValue } avg { activeContractValue } } } }""" },
    };

    [Fact]
    public async Task A_partners_aggregate_keeps_row_rules_out_of_aggregates_and_group_by()
    {
        // The partner's rules (a category is its if its supplier is linked to it or has a contract in it) make the object
        // keys conditional on subqueries: EF Core must compute them below the GROUP BY, never in it.
        var partner = api.WithWebHostBuilder(b => b
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Partner")
            .UseSetting("Security:DevelopmentIdentity:SupplierId", "111"));
        api.Offline.Reset();

        var (_, body) = await partner.CreateClient().PostGraphQLAsync(
            """{ contractsAggregate(groupBy: [CATEGORY, OWNER, SUPPLIER_COUNTRY], order: [{countDistinct: {category: DESC}}]) { nodes { count sum { annualValue } countDistinct { category owner } } } }""");

        Assert.Null(body["errors"]);
        var sql = Assert.Single(api.Offline.Commands);
        Assert.Empty(TSql.Parse(sql));
        Assert.Empty(TSql.SubqueriesInAggregatesOrGroupBy(sql));
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT SUM((SELECT MAX([v].[Weight]) FROM [ValueDrivers] AS [v])) FROM [Ratings] AS [r]")]
    [InlineData("SELECT AVG(CASE WHEN EXISTS (SELECT 1 FROM [Contracts] AS [c]) THEN 1 ELSE 0 END) FROM [Suppliers] AS [s]")]
    [InlineData("SELECT COUNT(*) FROM [Ratings] AS [r] GROUP BY (SELECT [s].[Country] FROM [Suppliers] AS [s] WHERE [s].[Id] = [r].[SupplierId])")]
    public void The_check_finds_what_sql_server_refuses_though_it_parses(string sql)
    {
        Assert.Empty(TSql.Parse(sql));
        Assert.Single(TSql.SubqueriesInAggregatesOrGroupBy(sql));
    }

    [Fact]
    public void The_check_accepts_a_correlated_subquery_per_group_and_aggregates_inside_subqueries()
    {
        const string Sql = "SELECT [r].[SupplierId], COUNT(*), (SELECT AVG([x].[Quality]) FROM [Ratings] AS [x] WHERE [x].[SupplierId] = [r].[SupplierId]) FROM [Ratings] AS [r] GROUP BY [r].[SupplierId]";

        Assert.Empty(TSql.Parse(Sql));
        Assert.Empty(TSql.SubqueriesInAggregatesOrGroupBy(Sql));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Generated_t_sql_parses_and_is_as_reviewed(string name, string query)
    {
        var statements = await TranslatedAsync(api.CreateClient(), query);

        Snapshot.Match(statements, SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task History_t_sql_parses_and_is_as_reviewed()
    {
        // history is Admin's: the development persona of this request is an admin
        using var admin = api.WithWebHostBuilder(host => host.UseSetting("Security:DevelopmentIdentity:Roles:0", "Procurement.Admin"));

        var statements = await TranslatedAsync(admin.CreateClient(),
            """{ suppliers(first: 5) { nodes { name history(first: 3, where: {action: {neq: DELETED}}) { totalCount nodes { changedAt subject action changes } pageInfo { hasNextPage } } } } }""");

        Snapshot.Match(statements, SnapshotNameExtension.Create("supplierHistory"));
    }

    /// <summary>The statements of the request (which parse as T-SQL), one JSON array of lines each.</summary>
    private async Task<string> TranslatedAsync(HttpClient client, string query)
    {
        api.Offline.Reset();

        var (_, body) = await client.PostGraphQLAsync(query);

        Assert.Null(body["errors"]);
        Assert.NotEmpty(api.Offline.Commands);
        Assert.All(api.Offline.Commands, sql => Assert.Empty(TSql.Parse(sql)));
        Assert.All(api.Offline.Commands, sql => Assert.Empty(TSql.SubqueriesInAggregatesOrGroupBy(sql)));
        return new JsonArray([.. api.Offline.Commands.Select(sql => (JsonNode)new JsonArray([.. sql.Split('\n').Select(line => (JsonNode)line.TrimEnd())]))]).ToSnapshotJson();
    }
}
