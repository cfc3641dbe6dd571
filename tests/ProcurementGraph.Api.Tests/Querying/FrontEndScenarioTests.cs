using System.Net;
using ProcurementGraph.Api.Tests.TestKit;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Querying;

/// <summary>What front-end screens ask of the graph, through HTTP, each with its statement budget.</summary>
public sealed class FrontEndScenarioTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Supplier_scorecard_is_one_statement()
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (response, body) = await client.PostGraphQLAsync("""
            query SupplierScorecard {
              supplier(id: "U3VwcGxpZXI6MQ==") {
                id name country status riskLevel complianceStatus activeContractValue
                contracts(first: 20, order: [{ endDate: DESC }]) {
                  totalCount
                  nodes { number title status endDate annualValue annualSavings category { code name } }
                }
                categories { isPreferred since category { code name } }
                ratingSummary { count averageOverall averageQuality averageDelivery averageValueWeightedScore lastRatedOn }
              }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["supplier"]!["contracts"]!["nodes"]!.AsArray());
        // The contracts' categories are read by key inside the page of contracts (docs/PERFORMANCE.md: 1 per root field).
        Assert.Equal(1, api.Sql.Count);
        Snapshot.Match(body.ToSnapshotJson());
    }

    [Fact]
    public async Task Category_tree_with_derived_values_is_one_statement()
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (_, body) = await client.PostGraphQLAsync("""
            query CategoryTree {
              categories(first: 20, where: { level: { eq: 1 } }, order: [{ code: ASC }]) {
                nodes {
                  code name annualSpend contractedSpend contractCoverage supplierCount
                  children(order: [{ code: ASC }]) {
                    code name contractedSpend supplierCount
                    children(order: [{ code: ASC }]) { code name supplierCount }
                  }
                }
              }
            }
            """);

        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["categories"]!["nodes"]!.AsArray());
        Assert.Equal(1, api.Sql.Count);
        Snapshot.Match(body.ToSnapshotJson());
    }

    [Fact]
    public async Task Contracts_expiring_in_ninety_days_is_one_statement()
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (_, body) = await client.PostGraphQLAsync("""
            query ExpiringContracts {
              contracts(first: 50, where: { status: { eq: ACTIVE }, endDate: { gte: "2026-06-30", lte: "2026-09-28" } }, order: [{ endDate: ASC }]) {
                totalCount
                nodes { number title endDate daysToExpiry noticePeriodDays autoRenew isExpiringSoon supplier { name } owner { name } }
              }
            }
            """);

        Assert.Null(body["errors"]);
        var nodes = body["data"]!["contracts"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, node => Assert.InRange((int)node!["daysToExpiry"]!, 0, 90));
        Assert.Equal(2, api.Sql.Count);
        Snapshot.Match(body.ToSnapshotJson());
    }

    [Fact]
    public async Task Goal_dashboard_is_one_statement()
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (_, body) = await client.PostGraphQLAsync("""
            query GoalDashboard {
              strategicGoals(first: 50, order: [{ code: ASC }]) {
                nodes {
                  code title theme status kpiName kpiUnit baseline target current progress
                  categories { weight category { code name contractCoverage } }
                }
              }
            }
            """);

        Assert.Null(body["errors"]);
        var goals = body["data"]!["strategicGoals"]!["nodes"]!.AsArray();
        Assert.NotEmpty(goals);
        Assert.All(goals, goal => Assert.InRange((double)goal!["progress"]!, 0, 1));
        Assert.Equal(1, api.Sql.Count);
        Snapshot.Match(body.ToSnapshotJson());
    }

    [Fact]
    public async Task Suppliers_contracts_categories_goals_nest_in_at_most_three_statements()
    {
        // 50 suppliers × 5 contracts × category × goals is 1,102 objects: over HotChocolate's default type cost (1000),
        // so this client raises the limit, as a client needing such pages would (docs/DECISIONS.md, "Abuse limits").
        using var roomier = api.WithWebHostBuilder(host => host.UseSetting("GraphQL:Cost:MaxTypeCost", "2000"));
        var client = roomier.CreateClient();
        api.Sql.Reset();

        var (_, body) = await client.PostGraphQLAsync("""
            query DeepNesting {
              suppliers(first: 50) {
                nodes {
                  name
                  contracts(first: 5) { nodes { number category { name goals { weight goal { title progress } } } } }
                }
              }
            }
            """);

        Assert.Null(body["errors"]);
        var contracts = body["data"]!["suppliers"]!["nodes"]!.AsArray().SelectMany(s => s!["contracts"]!["nodes"]!.AsArray()).ToList();
        Assert.NotEmpty(contracts);
        Assert.All(contracts, c => Assert.NotNull(c!["category"]!["name"]));
        Assert.InRange(api.Sql.Count, 1, 3);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task Statement_count_does_not_grow_with_page_size(int pageSize)
    {
        var client = api.CreateClient();
        api.Sql.Reset();

        var (_, body) = await client.PostGraphQLAsync($$"""
            { suppliers(first: {{pageSize}}) { nodes { contracts(first: 5) { nodes { owner { name } ratings(first: 2) { nodes { overall } } } } } } }
            """);

        Assert.Null(body["errors"]);
        // The page (owners read by key inside it), then one batch for the ratings under the paged contracts.
        Assert.Equal(2, api.Sql.Count);
    }
}
