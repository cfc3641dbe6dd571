using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// The partner rule on nested routes: from the partner's own supplier, contracts and categories, no nested list or
/// reference leads to another supplier (categories and business units are shared with other suppliers).
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationNestedTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Supplier_categories_are_the_own_links_only()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnCategories($id: ID!) {
              supplier(id: $id) { categories(first: 10) { category { code name } } }
              suppliers(first: 5) { nodes { categories(first: 10) { category { code } } } }
            }
            """, new { id = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        var links = body.Data("supplier.categories")!.AsArray().Select(l => (string?)l!["category"]!["code"]);
        Assert.Equal(_data.OwnLinkedCategoryCodes.Order(), links.Order());
        var listed = Assert.Single(body.Nodes("suppliers"))["categories"]!.AsArray().Select(l => (string?)l!["category"]!["code"]);
        Assert.Equal(_data.OwnLinkedCategoryCodes.Order(), listed.Order());
    }

    [Fact]
    public async Task Supplier_contracts_are_the_own_contracts_with_their_count()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnSupplierContracts($id: ID!) {
              supplier(id: $id) { contracts(first: 20) { totalCount nodes { number supplier { id } } } }
              suppliers(first: 5) { nodes { contracts(first: 20) { totalCount nodes { number } } } }
            }
            """, new { id = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("supplier.contracts.totalCount")!);
        Assert.Equal(_data.OwnContractNumbers.Order(), body.Nodes("supplier.contracts").Strings("number").Order());
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("suppliers.nodes.0.contracts.totalCount")!);
        Assert.Equal(_data.OwnContractNumbers.Order(), body.Nodes("suppliers.nodes.0.contracts").Strings("number").Order());
    }

    [Fact]
    public async Task Contracts_and_suppliers_of_a_category_are_denied_so_the_other_suppliers_there_stay_hidden()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query ThroughCategories {
              categories(first: 10) {
                nodes {
                  code
                  contracts(first: 20) { totalCount nodes { number supplier { name } } }
                  suppliers(first: 20) { supplier { name } }
                }
              }
            }
            """);

        // Assert
        var categories = body.Nodes("categories");
        Assert.Equal(_data.OwnCategoryCodes.Order(), categories.Strings("code").Order());
        AssertDenied(body, [.. Enumerable.Range(0, categories.Count)
            .SelectMany(i => new[] { $"categories.nodes.{i}.contracts", $"categories.nodes.{i}.suppliers" })]);
        AssertNothingForeign(body, _data);
    }

    [Fact]
    public async Task The_category_shared_with_another_supplier_shows_no_contract_or_supplier_of_it()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query SharedCategory($code: String!) {
              category(code: $code) {
                code
                contracts(first: 20, where: { supplier: { name: { eq: "x" } } }) { totalCount }
                suppliers(first: 20) { supplier { name } }
                supplierCount
                children(first: 5) { code contracts(first: 10) { nodes { number } } }
                parent { code contracts(first: 10) { nodes { number } } }
              }
            }
            """, new { code = _data.SharedCategoryCode });

        // Assert
        Assert.Equal(_data.SharedCategoryCode, (string?)body.Data("category.code"));
        AssertDenied(body, "category.contracts", "category.suppliers", "category.supplierCount", "category.children", "category.parent");
        AssertNothingForeign(body, _data);
    }

    [Fact]
    public async Task Contract_references_lead_to_the_own_supplier_and_the_own_categories()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query ContractReferences {
              contracts(first: 50) { nodes { number supplier { id name } category { code } owner { name } } }
            }
            """);

        // Assert
        AssertNoErrors(body);
        var contracts = body.Nodes("contracts");
        Assert.All(contracts, c => Assert.Equal(_data.OwnGlobalId, (string?)c["supplier"]!["id"]));
        Assert.Subset(_data.OwnCategoryCodes.ToHashSet(), contracts.Select(c => (string)c["category"]!["code"]!).ToHashSet());
        Assert.Equal(_data.OwnOwnerNames.Order(), contracts.Select(c => (string)c["owner"]!["name"]!).Distinct().Order());
    }

    [Fact]
    public async Task The_owner_of_a_contract_shows_its_name_but_not_its_other_contracts()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query ThroughOwners {
              contracts(first: 20) {
                nodes {
                  number
                  owner {
                    name
                    contracts(first: 10) { totalCount nodes { number supplier { name } } }
                    ratings(first: 10) { totalCount nodes { supplier { name } } }
                  }
                }
              }
            }
            """);

        // Assert
        var contracts = body.Nodes("contracts");
        Assert.Equal(_data.OwnContractNumbers.Count, contracts.Count);
        Assert.All(contracts, c => Assert.Contains((string)c["owner"]!["name"]!, _data.OwnOwnerNames));
        AssertDenied(body, [.. Enumerable.Range(0, contracts.Count)
            .SelectMany(i => new[] { $"contracts.nodes.{i}.owner.contracts", $"contracts.nodes.{i}.owner.ratings" })]);
        AssertNothingForeign(body, _data);
    }

    [Fact]
    public async Task Node_of_an_owner_or_a_category_gives_no_route_to_other_suppliers()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query ThroughNodes($unit: ID!, $category: ID!) {
              unit: node(id: $unit) { ... on BusinessUnit { name contracts(first: 20) { nodes { supplier { name } } } } }
              category: node(id: $category) { ... on Category { code contracts(first: 20) { nodes { supplier { name } } } suppliers(first: 20) { supplier { name } } } }
            }
            """, new { unit = _data.OwnerBusinessUnitGlobalId, category = _data.OwnCategoryGlobalId });

        // Assert: business unit IDs are not the partner's to read, so node() gives null for the unit.
        Assert.Null(body.Data("unit"));
        Assert.NotNull(body.Data("category.code"));
        AssertDenied(body, "category.contracts", "category.suppliers");
        AssertNothingForeign(body, _data);
    }
}
