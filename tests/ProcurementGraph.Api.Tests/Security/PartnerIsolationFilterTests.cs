using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// The partner rule in <c>where</c> and <c>order</c>: a filter naming another supplier's data finds nothing and
/// answers exactly as a filter naming nothing that exists (no count, no existence leaks), and a filter or sort
/// on a field the partner may not read is refused (the field is null with <c>AUTH_NOT_AUTHORIZED</c>).
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationFilterTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Root connections filtered on another supplier's name, ID, contract number or an unlinked category.</summary>
    public static TheoryData<string, string> ForeignFilters => new()
    {
        { "contracts", "query Q($name: String!) { contracts(first: 50, where: { supplier: { name: { eq: $name } } }) { totalCount nodes { number } } }" },
        { "contracts", "query Q($supplier: ID!) { contracts(first: 50, where: { supplier: { id: { eq: $supplier } } }) { totalCount nodes { number } } }" },
        { "contracts", "query Q($number: String!) { contracts(first: 50, where: { number: { eq: $number } }) { totalCount nodes { number } } }" },
        { "contracts", "query Q($category: String!) { contracts(first: 50, where: { category: { code: { eq: $category } } }) { totalCount nodes { number } } }" },
        { "contracts", "query Q($number: String!) { contracts(first: 50, where: { supplier: { contracts: { some: { number: { eq: $number } } } } }) { totalCount nodes { number } } }" },
        { "contracts", "query Q($name: String!) { contracts(first: 50, where: { or: [{ supplier: { name: { eq: $name } } }, { number: { eq: \"CT-999999\" } }] }) { totalCount nodes { number } } }" },
        { "suppliers", "query Q($name: String!) { suppliers(first: 50, where: { name: { eq: $name } }) { totalCount nodes { name } } }" },
        { "suppliers", "query Q($name: String!) { suppliers(first: 50, where: { name: { contains: $name } }) { totalCount nodes { name } } }" },
        { "suppliers", "query Q($supplier: ID!) { suppliers(first: 50, where: { id: { in: [$supplier] } }) { totalCount nodes { name } } }" },
        { "suppliers", "query Q($number: String!) { suppliers(first: 50, where: { contracts: { some: { number: { eq: $number } } } }) { totalCount nodes { name } } }" },
        { "suppliers", "query Q($name: String!) { suppliers(first: 50, where: { contracts: { some: { supplier: { name: { eq: $name } } } } }) { totalCount nodes { name } } }" },
        { "suppliers", "query Q($category: String!) { suppliers(first: 50, where: { categories: { some: { category: { code: { eq: $category } } } } }) { totalCount nodes { name } } }" },
        { "suppliers", "query Q($category: String!) { suppliers(first: 50, where: { contracts: { some: { category: { code: { eq: $category } } } } }) { totalCount nodes { name } } }" },
        { "categories", "query Q($category: String!) { categories(first: 50, where: { code: { eq: $category } }) { totalCount nodes { code } } }" },
    };

    [Theory]
    [MemberData(nameof(ForeignFilters))]
    public async Task A_filter_naming_another_suppliers_data_finds_nothing_exactly_as_one_naming_nothing(string connection, string query)
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var found = await client.QueryAsync(query, _data.ForeignFilterValues);
        var nothing = await client.QueryAsync(query, PartnerIsolationData.MissingFilterValues);

        // Assert
        AssertNoErrors(found);
        Assert.Equal(0, (int)found.Data(connection + ".totalCount")!);
        Assert.Empty(found.Nodes(connection));
        Assert.Equal(nothing.ToJsonString(), found.ToJsonString());
    }

    [Fact]
    public async Task Filters_on_the_own_supplier_find_its_rows_so_the_empty_answers_above_are_not_vacuous()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnFilters($name: String!, $shared: String!, $own: ID!) {
              byName: contracts(first: 50, where: { supplier: { name: { eq: $name } } }) { totalCount }
              byId: contracts(first: 50, where: { supplier: { id: { eq: $own } } }) { totalCount }
              inShared: contracts(first: 50, where: { category: { code: { eq: $shared } } }) { totalCount nodes { supplier { id } } }
              linked: suppliers(first: 50, where: { categories: { some: { category: { code: { eq: $shared } } } } }) { totalCount nodes { id } }
              sharedCategory: categories(first: 50, where: { code: { eq: $shared } }) { totalCount }
            }
            """, new { name = _data.OwnName, shared = _data.SharedCategoryCode, own = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("byName.totalCount")!);
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("byId.totalCount")!);
        Assert.Equal(_data.OwnContractsInSharedCategory, (int)body.Data("inShared.totalCount")!);
        Assert.All(body.Nodes("inShared"), c => Assert.Equal(_data.OwnGlobalId, (string?)c["supplier"]!["id"]));
        Assert.Equal([_data.OwnGlobalId], body.Nodes("linked").Strings("id"));
        Assert.Equal(1, (int)body.Data("sharedCategory.totalCount")!);
        AssertNothingForeign(body, _data);
    }

    [Fact]
    public async Task A_category_filter_through_its_contracts_cannot_test_another_supplier()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query CategoriesOfOther($name: String!) {
              categories(first: 50, where: { contracts: { some: { supplier: { name: { eq: $name } } } } }) { totalCount nodes { code } }
            }
            """, new { name = _data.OtherName });

        // Assert
        AssertDenied(body, "categories");
    }

    [Fact]
    public async Task Filters_and_sorts_given_as_variables_are_checked_as_literals_are()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        const string query = """
            query ByVariables($where: ContractFilterInput, $order: [ContractSortInput!]) {
              contracts(first: 50, where: $where, order: $order) { totalCount nodes { number } }
            }
            """;

        // Act
        var foreign = await client.QueryAsync(query, new { where = new { supplier = new { name = new { eq = _data.OtherName } } } });
        var filtered = await client.QueryAsync(query, new { where = new { annualSavings = new { gt = 0 } } });
        var sorted = await client.QueryAsync(query, new { order = new[] { new { baselineAnnualCost = "DESC" } } });
        var deep = await client.QueryAsync(query, new
        {
            where = new { category = new { contracts = new { some = new { supplier = new { name = new { eq = _data.OtherName } } } } } },
        });

        // Assert
        AssertNoErrors(foreign);
        Assert.Equal(0, (int)foreign.Data("contracts.totalCount")!);
        AssertDenied(filtered, "contracts");
        AssertDenied(sorted, "contracts");
        AssertDenied(deep, "contracts");
    }

    [Fact]
    public async Task Sorting_on_supplier_fields_orders_only_own_rows()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query SortedBySupplier {
              contracts(first: 50, order: [{ supplier: { name: DESC } }, { category: { name: ASC } }]) { totalCount nodes { number } }
              byValue: suppliers(first: 50, order: [{ activeContractValue: DESC }]) { totalCount nodes { id } }
              byRating: suppliers(first: 50, order: [{ ratingSummary: { averageOverall: DESC } }]) { totalCount nodes { id } }
            }
            """);

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnContractNumbers.Order(), body.Nodes("contracts").Strings("number").Order());
        Assert.Equal([_data.OwnGlobalId], body.Nodes("byValue").Strings("id"));
        Assert.Equal([_data.OwnGlobalId], body.Nodes("byRating").Strings("id"));
    }

    /// <summary>Filters and sorts reading a field the partner may not read, at the root and deep inside; the denied path.</summary>
    public static TheoryData<string, string> RefusedArguments => new()
    {
        // Sensitive and negotiation fields, directly.
        { "suppliers", "query Q($regNo: String!) { suppliers(first: 5, where: { registrationNumber: { eq: $regNo } }) { totalCount } }" },
        { "suppliers", "query Q { suppliers(first: 5, order: [{ registrationNumber: ASC }]) { nodes { name } } }" },
        { "suppliers", "query Q($regNo: String!) { suppliers(first: 5, where: { or: [{ name: { eq: \"x\" } }, { registrationNumber: { eq: $regNo } }] }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, where: { baselineAnnualCost: { gt: 0 } }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, order: [{ baselineAnnualCost: DESC }]) { nodes { number } } }" },
        { "contracts", "query Q { contracts(first: 5, where: { annualSavings: { gt: 0 } }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, order: [{ annualSavings: DESC }]) { nodes { number } } }" },
        { "contracts", "query Q { contracts(first: 5, where: { savingsPercent: { gt: 0 } }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, order: [{ savingsPercent: DESC }]) { nodes { number } } }" },
        { "categories", "query Q { categories(first: 5, where: { annualSpend: { gt: 0 } }) { totalCount } }" },
        { "categories", "query Q { categories(first: 5, order: [{ annualSpend: DESC }]) { nodes { code } } }" },
        { "categories", "query Q { categories(first: 5, where: { contractedSpend: { gt: 0 } }) { totalCount } }" },
        { "categories", "query Q { categories(first: 5, order: [{ contractCoverage: DESC }]) { nodes { code } } }" },
        { "categories", "query Q { categories(first: 5, order: [{ supplierCount: DESC }]) { nodes { code } } }" },
        { "categories", "query Q { categories(first: 5, where: { ratingSummary: { count: { gt: 0 } } }) { totalCount } }" },
        { "categories", "query Q { categories(first: 5, where: { level: { eq: 3 } }) { totalCount } }" },

        // Through references and lists to fields or relations the partner may not read.
        { "contracts", "query Q($regNo: String!) { contracts(first: 5, where: { supplier: { registrationNumber: { eq: $regNo } } }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, where: { category: { annualSpend: { gt: 0 } } }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, order: [{ category: { contractedSpend: DESC } }]) { nodes { number } } }" },
        { "contracts", "query Q { contracts(first: 5, order: [{ owner: { code: ASC } }]) { nodes { number } } }" },
        { "contracts", "query Q { contracts(first: 5, where: { owner: { region: { eq: \"EMEA\" } } }) { totalCount } }" },
        { "contracts", "query Q($name: String!) { contracts(first: 5, where: { owner: { contracts: { some: { supplier: { name: { eq: $name } } } } } }) { totalCount } }" },
        { "contracts", "query Q($name: String!) { contracts(first: 5, where: { category: { contracts: { some: { supplier: { name: { eq: $name } } } } } }) { totalCount } }" },
        { "contracts", "query Q($name: String!) { contracts(first: 5, where: { category: { suppliers: { some: { supplier: { name: { eq: $name } } } } } }) { totalCount } }" },
        { "contracts", "query Q { contracts(first: 5, where: { ratings: { any: true } }) { totalCount } }" },
        { "suppliers", "query Q { suppliers(first: 5, where: { ratings: { some: { overall: { eq: 5 } } } }) { totalCount } }" },
        { "suppliers", "query Q { suppliers(first: 5, where: { contracts: { some: { baselineAnnualCost: { gt: 0 } } } }) { totalCount } }" },
        { "suppliers", "query Q { suppliers(first: 5, where: { categories: { some: { isPreferred: { eq: true } } } }) { totalCount } }" },
        { "suppliers", "query Q($name: String!) { suppliers(first: 5, where: { categories: { some: { category: { contracts: { some: { supplier: { name: { eq: $name } } } } } } } }) { totalCount } }" },
        { "categories", "query Q($name: String!) { categories(first: 5, where: { suppliers: { some: { supplier: { name: { eq: $name } } } } }) { totalCount } }" },
        { "categories", "query Q { categories(first: 5, where: { goals: { any: true } }) { totalCount } }" },
        { "categories", "query Q { categories(first: 5, where: { parent: { code: { eq: \"MRO\" } } }) { totalCount } }" },

        // Inside nested lists of a visible row.
        { "supplier", "query Q($own: ID!) { supplier(id: $own) { name contracts(first: 5, where: { annualSavings: { gt: 0 } }) { totalCount } } }" },
        { "supplier", "query Q($own: ID!) { supplier(id: $own) { name contracts(first: 5, order: [{ baselineAnnualCost: DESC }]) { nodes { number } } } }" },
        { "supplier", "query Q($own: ID!) { supplier(id: $own) { name categories(where: { isPreferred: { eq: true } }) { category { code } } } }" },
        { "supplier", "query Q($own: ID!) { supplier(id: $own) { name categories(order: [{ category: { annualSpend: DESC } }]) { category { code } } } }" },
        { "suppliers", "query Q { suppliers(first: 5) { nodes { name contracts(first: 5, where: { savingsPercent: { gt: 0 } }) { totalCount } } } }" },
    };

    [Theory]
    [MemberData(nameof(RefusedArguments))]
    public async Task A_filter_or_sort_on_a_field_the_partner_may_not_read_is_refused(string deniedPath, string query)
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync(query, new { regNo = _data.OtherRegistrationNumber, name = _data.OtherName, own = _data.OwnGlobalId });

        // Assert
        AssertDenied(body, deniedPath);
        AssertNothingForeign(body, _data);
    }
}
