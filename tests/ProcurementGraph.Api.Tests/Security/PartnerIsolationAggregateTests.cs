using ProcurementGraph.Api.Tests.Aggregates;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// The partner rule on aggregates: a partner aggregates only its own supplier's rows (the list's row rules), cannot aggregate,
/// filter groups by or order groups by a field it may not read (the list's field rules and errors), and learns nothing of
/// other suppliers from groups, counts or distinct counts.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationAggregateTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;
    private List<ContractRow> _own = null!;

    public async Task InitializeAsync()
    {
        _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);
        _own = [.. (await AggregateOracleRows.LoadAsync(api.DatabasePath)).Contracts.Where(c => c.SupplierId == PartnerIsolationData.OwnSupplierId)];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_partner_aggregates_only_its_own_suppliers_contracts()
    {
        var body = await api.OwnPartnerClient().QueryAsync("""
            {
              bySupplier: contractsAggregate(groupBy: [SUPPLIER]) { totalCount nodes { key { supplier { id name } } count sum { annualValue totalValue } countDistinct { supplier category owner } } }
              byCategory: contractsAggregate(groupBy: [CATEGORY], first: 100) { totalCount nodes { key { category { code name } } count } }
              total: contractsAggregate { nodes { count max { annualValue } } }
              byQuarter: contractsAggregate(groupBy: [CATEGORY, START_QUARTER], first: 1000) { nodes { count sum { annualValue } } }
              suppliers: suppliersAggregate(groupBy: [COUNTRY]) { nodes { count sum { activeContractValue } } }
            }
            """);

        AssertNoErrors(body);
        var group = Assert.Single(body.Nodes("bySupplier"));
        Assert.Equal(_data.OwnGlobalId, (string?)group["key"]!["supplier"]!["id"]);
        Assert.Equal(_own.Count, (int)group["count"]!);
        Assert.Equal(_own.Sum(c => c.AnnualValue), (decimal)group["sum"]!["annualValue"]!);
        Assert.Equal(_own.Sum(c => c.TotalValue), (decimal)group["sum"]!["totalValue"]!);
        Assert.Equal(1, (int)group["countDistinct"]!["supplier"]!);
        Assert.Equal(_own.Select(c => c.CategoryId).Distinct().Count(), (int)group["countDistinct"]!["category"]!);
        Assert.Equal(_own.Select(c => c.OwnerId).Distinct().Count(), (int)group["countDistinct"]!["owner"]!);
        Assert.Equal(_own.Select(c => c.CategoryId).Distinct().Count(), (int)body.Data("byCategory.totalCount")!);
        Assert.All(body.Nodes("byCategory"), n => Assert.Contains((string)n["key"]!["category"]!["code"]!, _data.OwnCategoryCodes));
        Assert.Equal(_own.Count, (int)body.Data("total.nodes.0.count")!);
        Assert.Equal(_own.Max(c => c.AnnualValue), (decimal)body.Data("total.nodes.0.max.annualValue")!);
        // The shape the category × quarter rollup answers for internal callers: a partner's groups are its own contracts'.
        Assert.Equal(_own.Count, body.Nodes("byQuarter").Sum(n => (int)n["count"]!));
        Assert.Equal(_own.Sum(c => c.AnnualValue), body.Nodes("byQuarter").Sum(n => (decimal)n["sum"]!["annualValue"]!));
        Assert.Equal(1, (int)body.Data("suppliers.nodes.0.count")!);
        Assert.Equal(_data.OwnActiveContractValue, (decimal)body.Data("suppliers.nodes.0.sum.activeContractValue")!);
        AssertNothingForeign(body, _data);
    }

    [Fact]
    public async Task Aggregates_of_fields_a_partner_may_not_read_are_denied_as_on_the_list_and_the_rest_answers()
    {
        var body = await api.OwnPartnerClient().QueryAsync("""
            {
              contractsAggregate(groupBy: [CATEGORY]) {
                nodes { key { category { code annualSpend } } count sum { annualValue annualSavings baselineAnnualCost } avg { savingsPercent } }
              }
              contracts(first: 1) { nodes { number annualSavings } }
            }
            """);

        var groups = body.Nodes("contractsAggregate");
        Assert.NotEmpty(groups);
        var denied = new List<string> { "contracts.nodes.0.annualSavings" };
        for (var i = 0; i < groups.Count; i++)
        {
            denied.AddRange([
                $"contractsAggregate.nodes.{i}.key.category.annualSpend", $"contractsAggregate.nodes.{i}.sum.annualSavings",
                $"contractsAggregate.nodes.{i}.sum.baselineAnnualCost", $"contractsAggregate.nodes.{i}.avg.savingsPercent"]);
            Assert.NotNull(groups[i]["sum"]!["annualValue"]);
            Assert.NotNull(groups[i]["key"]!["category"]!["code"]);
        }

        AssertDenied(body, [.. denied]);
    }

    [Theory]
    [InlineData("""{ contractsAggregate(groupBy: [STATUS], having: { sum: { annualSavings: { gt: 0 } } }) { nodes { count } } }""", "having", "Contract.annualSavings")]
    [InlineData("""{ contractsAggregate(groupBy: [STATUS], order: [{ avg: { savingsPercent: DESC } }]) { nodes { count } } }""", "order", "Contract.savingsPercent")]
    [InlineData("""{ contractsAggregate(groupBy: [STATUS], having: { or: [{ count: { gt: 0 } }, { max: { baselineAnnualCost: { gt: 0 } } }] }) { nodes { count } } }""", "having", "Contract.baselineAnnualCost")]
    [InlineData("""{ contractsAggregate(where: { annualSavings: { gt: 0 } }, groupBy: [STATUS]) { nodes { count } } }""", "where", "Contract.annualSavings")]
    public async Task Filtering_or_ordering_groups_by_a_field_a_partner_may_not_read_is_refused_as_on_the_list(string query, string argument, string field)
    {
        var body = await api.OwnPartnerClient().QueryAsync(query);

        AssertDenied(body, "contractsAggregate");
        Assert.Equal(argument, (string?)body["errors"]![0]!["extensions"]!["argument"]);
        Assert.Equal(field, (string?)body["errors"]![0]!["extensions"]!["field"]);
    }

    [Fact]
    public async Task A_partner_gets_no_rating_aggregates_as_it_gets_no_ratings()
    {
        var body = await api.OwnPartnerClient().QueryAsync("{ ratingsAggregate(groupBy: [PERIOD]) { nodes { count avg { overall } } } }");

        AssertDenied(body, "ratingsAggregate");
    }

    [Fact]
    public async Task A_filter_naming_another_supplier_aggregates_nothing_exactly_as_one_naming_nothing()
    {
        const string Query = """
            query Foreign($name: String!, $number: String!) {
              byName: contractsAggregate(where: { supplier: { name: { eq: $name } } }, groupBy: [CATEGORY]) { totalCount nodes { count } }
              total: contractsAggregate(where: { number: { eq: $number } }) { totalCount nodes { count sum { annualValue } countDistinct { supplier } } }
              suppliers: suppliersAggregate(where: { name: { eq: $name } }) { nodes { count } }
            }
            """;
        var client = api.OwnPartnerClient();

        var found = await client.QueryAsync(Query, new { name = _data.OtherName, number = _data.OtherContractNumber });
        var nothing = await client.QueryAsync(Query, new { name = "No Such Supplier Ltd", number = "CT-999999" });

        AssertNoErrors(found);
        Assert.Equal(0, (int)found.Data("byName.totalCount")!);
        Assert.Equal(0, (int)found.Data("total.nodes.0.count")!);
        Assert.Equal(nothing.ToJsonString(), found.ToJsonString());
    }
}
