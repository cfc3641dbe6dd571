using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// The partner rule (docs/SECURITY.md) on the root lists and the lookups: a partner token for one supplier sees that
/// supplier's rows only, and another supplier's IDs, numbers and codes answer exactly as IDs that do not exist.
/// Expectations come from the demo database with SQL (<see cref="PartnerIsolationData"/>), not from the API.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Suppliers_list_only_the_own_supplier()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query AllSuppliers {
              suppliers(first: 50) { totalCount nodes { id name } }
            }
            """);

        // Assert
        AssertNoErrors(body);
        Assert.Equal(1, (int)body.Data("suppliers.totalCount")!);
        var supplier = Assert.Single(body.Nodes("suppliers"));
        Assert.Equal(_data.OwnGlobalId, (string?)supplier["id"]);
        Assert.Equal(_data.OwnName, (string?)supplier["name"]);
    }

    [Fact]
    public async Task Contracts_list_only_the_own_suppliers_contracts_and_count_only_them()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query AllContracts {
              contracts(first: 50) { totalCount nodes { number supplier { id } } }
            }
            """);

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("contracts.totalCount")!);
        var contracts = body.Nodes("contracts");
        Assert.Equal(_data.OwnContractNumbers.Order(), contracts.Strings("number").Order());
        Assert.All(contracts, c => Assert.Equal(_data.OwnGlobalId, (string?)c["supplier"]!["id"]));
        AssertNothingForeign(body, _data);
    }

    [Fact]
    public async Task Paging_through_contracts_with_cursors_reaches_only_own_contracts()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        const string page = """
            query ContractPage($after: String) {
              contracts(first: 4, after: $after, order: [{ number: ASC }]) {
                totalCount
                pageInfo { hasNextPage endCursor }
                nodes { number }
              }
            }
            """;
        var numbers = new List<string>();
        string? after = null;

        // Act
        for (var pages = 0; pages < 10; pages++)
        {
            var body = await client.QueryAsync(page, new { after });
            AssertNoErrors(body);
            Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("contracts.totalCount")!);
            numbers.AddRange(body.Nodes("contracts").Strings("number"));
            if (!(bool)body.Data("contracts.pageInfo.hasNextPage")!)
            {
                break;
            }

            after = (string?)body.Data("contracts.pageInfo.endCursor");
        }

        // Assert
        Assert.Equal(_data.OwnContractNumbers.Order(StringComparer.Ordinal), numbers);
    }

    [Fact]
    public async Task Paging_backwards_from_the_end_reaches_only_own_contracts()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query LastContracts {
              contracts(last: 50, order: [{ number: ASC }]) { totalCount pageInfo { hasPreviousPage } nodes { number } }
            }
            """);

        // Assert
        AssertNoErrors(body);
        Assert.False((bool)body.Data("contracts.pageInfo.hasPreviousPage")!);
        Assert.Equal(_data.OwnContractNumbers.Order(StringComparer.Ordinal), body.Nodes("contracts").Strings("number"));
    }

    [Fact]
    public async Task Categories_list_only_the_categories_of_the_own_supplier()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query AllCategories {
              categories(first: 100) { totalCount nodes { code name } }
            }
            """);

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnCategoryCodes.Count, (int)body.Data("categories.totalCount")!);
        Assert.Equal(_data.OwnCategoryCodes.Order(), body.Nodes("categories").Strings("code").Order());
    }

    public static TheoryData<string, string> InternalRoots => new()
    {
        { "businessUnits", "query Units { businessUnits(first: 50) { totalCount nodes { name } } }" },
        { "stakeholderRatings", "query Ratings { stakeholderRatings(first: 50) { totalCount nodes { overall comment } } }" },
        { "strategicGoals", "query Goals { strategicGoals(first: 50) { totalCount nodes { code title } } }" },
        { "businessUnit", "query Unit($unit: String!) { businessUnit(code: $unit) { name } }" },
        { "strategicGoal", "query Goal($goal: String!) { strategicGoal(code: $goal) { title } }" },
    };

    [Theory]
    [MemberData(nameof(InternalRoots))]
    public async Task Root_fields_partners_may_not_read_are_null_with_not_authorized(string root, string query)
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync(query, new { unit = _data.OtherBusinessUnitCode, goal = _data.GoalCode });

        // Assert
        AssertDenied(body, root);
    }

    [Fact]
    public async Task Supplier_lookup_finds_the_own_supplier()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync(SupplierById, new { id = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnName, (string?)body.Data("supplier.name"));
    }

    [Fact]
    public async Task Another_supplier_by_id_answers_exactly_as_a_supplier_that_does_not_exist()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var other = await client.QueryAsync(SupplierById, new { id = _data.OtherGlobalId });
        var missing = await client.QueryAsync(SupplierById, new { id = GlobalId.Encode("Supplier", PartnerIsolationData.MissingKey) });

        // Assert
        Assert.Equal("""{"data":{"supplier":null}}""", other.ToJsonString());
        Assert.Equal(missing.ToJsonString(), other.ToJsonString());
    }

    [Fact]
    public async Task Another_suppliers_contract_by_number_answers_exactly_as_a_contract_that_does_not_exist()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        const string query = """
            query ContractByNumber($number: String!) {
              contract(number: $number) { number title supplier { name } }
            }
            """;

        // Act
        var own = await client.QueryAsync(query, new { number = _data.OwnContractNumbers.Min() });
        var other = await client.QueryAsync(query, new { number = _data.OtherContractNumber });
        var missing = await client.QueryAsync(query, new { number = "CT-999999" });

        // Assert
        Assert.Equal(_data.OwnName, (string?)own.Data("contract.supplier.name"));
        Assert.Equal("""{"data":{"contract":null}}""", other.ToJsonString());
        Assert.Equal(missing.ToJsonString(), other.ToJsonString());
    }

    [Fact]
    public async Task A_category_the_supplier_is_not_in_answers_exactly_as_a_category_that_does_not_exist()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        const string query = """
            query CategoryByCode($code: String!) {
              category(code: $code) { code name managerName }
            }
            """;

        // Act
        var own = await client.QueryAsync(query, new { code = _data.SharedCategoryCode });
        var unlinked = await client.QueryAsync(query, new { code = _data.UnlinkedCategoryCode });
        var missing = await client.QueryAsync(query, new { code = "ZZ.NO.SUCH" });

        // Assert
        Assert.Equal(_data.SharedCategoryCode, (string?)own.Data("category.code"));
        Assert.Equal("""{"data":{"category":null}}""", unlinked.ToJsonString());
        Assert.Equal(missing.ToJsonString(), unlinked.ToJsonString());
    }

    public static TheoryData<string> ForeignNodes => ["Supplier", "Contract", "Category", "BusinessUnit", "StrategicGoal", "StakeholderRating"];

    [Theory]
    [MemberData(nameof(ForeignNodes))]
    public async Task Node_with_an_id_the_partner_may_not_see_answers_exactly_as_an_id_that_does_not_exist(string typeName)
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var foreign = await client.QueryAsync(NodeById, new { id = ForeignId(typeName) });
        var missing = await client.QueryAsync(NodeById, new { id = GlobalId.Encode(typeName, PartnerIsolationData.MissingKey) });

        // Assert
        Assert.Equal("""{"data":{"node":null}}""", foreign.ToJsonString());
        Assert.Equal(missing.ToJsonString(), foreign.ToJsonString());
    }

    public static TheoryData<string> OwnNodes => ["Supplier", "Contract", "Category"];

    [Theory]
    [MemberData(nameof(OwnNodes))]
    public async Task Node_finds_what_the_partner_may_see(string typeName)
    {
        // Arrange
        var client = api.OwnPartnerClient();
        var id = OwnId(typeName);

        // Act
        var body = await client.QueryAsync(NodeById, new { id });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(typeName, (string?)body.Data("node.__typename"));
        Assert.Equal(id, (string?)body.Data("node.id"));
    }

    [Fact]
    public async Task Node_of_a_business_unit_is_null_even_for_an_owner_of_an_own_contract()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnerNode($id: ID!, $other: ID!) {
              node(id: $id) { ... on BusinessUnit { name } }
              other: node(id: $other) { ... on BusinessUnit { name } }
            }
            """, new { id = _data.OwnerBusinessUnitGlobalId, other = _data.OtherBusinessUnitGlobalId });

        // Assert: a partner may not read business unit IDs, so node() answers as for a missing ID (names come via contracts).
        AssertNoErrors(body);
        Assert.Null(body.Data("node"));
        Assert.Null(body.Data("other"));
    }

    [Fact]
    public async Task Nodes_answers_null_for_every_id_the_partner_may_not_see_and_exactly_as_for_missing_ids()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        string[] types = ["Supplier", "Contract", "Category", "BusinessUnit", "StrategicGoal", "StakeholderRating"];
        const string query = """
            query NodesByIds($ids: [ID!]!) {
              nodes(ids: $ids) {
                __typename
                id
                ... on Supplier { name }
                ... on Contract { number }
                ... on Category { code }
              }
            }
            """;

        // Act
        var foreign = await client.QueryAsync(query, new { ids = types.Select(ForeignId).Append(_data.OwnGlobalId) });
        var missing = await client.QueryAsync(query, new
        {
            ids = types.Select(t => GlobalId.Encode(t, PartnerIsolationData.MissingKey)).Append(_data.OwnGlobalId),
        });

        // Assert
        AssertNoErrors(foreign);
        var nodes = foreign.Data("nodes")!.AsArray();
        Assert.Equal(types.Length + 1, nodes.Count);
        Assert.All(nodes.Take(types.Length), n => Assert.Null(n));
        Assert.Equal(_data.OwnName, (string?)nodes[types.Length]!["name"]);
        Assert.Equal(missing.ToJsonString(), foreign.ToJsonString());
    }

    private const string SupplierById = """
        query SupplierById($id: ID!) {
          supplier(id: $id) { id name city }
        }
        """;

    private const string NodeById = """
        query NodeById($id: ID!) {
          node(id: $id) {
            __typename
            id
            ... on Supplier { name }
            ... on Contract { number }
            ... on Category { code }
            ... on BusinessUnit { name }
          }
        }
        """;

    private string ForeignId(string typeName) => typeName switch
    {
        "Supplier" => _data.OtherGlobalId,
        "Contract" => _data.OtherContractGlobalId,
        "Category" => _data.UnlinkedCategoryGlobalId,
        "BusinessUnit" => _data.OtherBusinessUnitGlobalId,
        "StrategicGoal" => _data.GoalGlobalId,
        "StakeholderRating" => _data.OtherRatingGlobalId,
        _ => throw new ArgumentOutOfRangeException(nameof(typeName), typeName, null),
    };

    private string OwnId(string typeName) => typeName switch
    {
        "Supplier" => _data.OwnGlobalId,
        "Contract" => _data.OwnContractGlobalId,
        "Category" => _data.OwnCategoryGlobalId,
        _ => throw new ArgumentOutOfRangeException(nameof(typeName), typeName, null),
    };
}
