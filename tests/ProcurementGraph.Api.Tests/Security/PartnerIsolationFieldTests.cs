using System.Globalization;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// The partner rule on values: derived values of the own supplier count only its own rows (compared with SQL over
/// the database), and the fields a partner may not read are null with <c>AUTH_NOT_AUTHORIZED</c> on their path while
/// the rest of the object is returned.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationFieldTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Active_contract_value_sums_only_the_own_active_contracts()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnValue($id: ID!) {
              supplier(id: $id) { activeContractValue }
              suppliers(first: 5) { nodes { activeContractValue } }
            }
            """, new { id = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        Assert.True(_data.OwnActiveContractValue > 0);
        Assert.Equal(_data.OwnActiveContractValue, (decimal)body.Data("supplier.activeContractValue")!);
        Assert.Equal(_data.OwnActiveContractValue, (decimal)body.Data("suppliers.nodes.0.activeContractValue")!);
    }

    [Fact]
    public async Task Rating_summary_summarises_the_own_ratings_as_the_database_does()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        var expected = _data.OwnRatings;

        // Act
        var body = await client.QueryAsync(RatingSummaryQuery, new { id = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        var summary = body.Data("supplier.ratingSummary")!;
        Assert.True(expected.Count > 0);
        Assert.Equal(expected.Count, (int)summary["count"]!);
        Assert.Equal(expected.AverageOverall!.Value, (double)summary["averageOverall"]!, 9);
        Assert.Equal(expected.AverageQuality!.Value, (double)summary["averageQuality"]!, 9);
        Assert.Equal(expected.AverageDelivery!.Value, (double)summary["averageDelivery"]!, 9);
        Assert.Equal(expected.AverageResponsiveness!.Value, (double)summary["averageResponsiveness"]!, 9);
        Assert.Equal(expected.AverageInnovation!.Value, (double)summary["averageInnovation"]!, 9);
        Assert.Equal(expected.AverageCostValue!.Value, (double)summary["averageCostValue"]!, 9);
        Assert.Equal(expected.AverageValueWeightedScore!.Value, (double)summary["averageValueWeightedScore"]!, 9);
        Assert.Equal(expected.LastRatedOn, (string?)summary["lastRatedOn"]);
    }

    [Fact]
    public async Task Rating_summary_of_the_own_supplier_is_what_an_internal_reader_sees()
    {
        // Arrange
        var partner = api.OwnPartnerClient();
        var reader = api.CreateClient(t => t.Roles.Add("Procurement.Reader"));

        // Act
        var seenByPartner = await partner.QueryAsync(RatingSummaryQuery, new { id = _data.OwnGlobalId });
        var seenByReader = await reader.QueryAsync(RatingSummaryQuery, new { id = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(seenByReader);
        Assert.Equal(seenByReader.ToJsonString(), seenByPartner.ToJsonString());
    }

    [Fact]
    public async Task Filters_on_derived_values_see_the_own_values()
    {
        // Arrange
        var client = api.OwnPartnerClient();
        var count = _data.OwnRatings.Count;
        var value = _data.OwnActiveContractValue.ToString(CultureInfo.InvariantCulture);

        // Act
        var body = await client.QueryAsync($$"""
            query DerivedFilters($count: Int!) {
              sameCount: suppliers(first: 5, where: { ratingSummary: { count: { eq: $count } } }) { totalCount }
              moreRatings: suppliers(first: 5, where: { ratingSummary: { count: { gt: $count } } }) { totalCount }
              sameValue: suppliers(first: 5, where: { activeContractValue: { eq: {{value}} } }) { totalCount }
              moreValue: suppliers(first: 5, where: { activeContractValue: { gt: {{value}} } }) { totalCount }
            }
            """, new { count });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(1, (int)body.Data("sameCount.totalCount")!);
        Assert.Equal(0, (int)body.Data("moreRatings.totalCount")!);
        Assert.Equal(1, (int)body.Data("sameValue.totalCount")!);
        Assert.Equal(0, (int)body.Data("moreValue.totalCount")!);
    }

    public static TheoryData<string> DeniedCategoryFields =>
    [
        "annualSpend",
        "contractedSpend",
        "contractCoverage",
        "supplierCount",
        "strategy",
        "level",
        "ratingSummary { count averageOverall }",
        "goals { weight goal { title } }",
        "ratings(first: 5) { totalCount }",
        "parent { code }",
        "children { code }",
    ];

    [Theory]
    [MemberData(nameof(DeniedCategoryFields))]
    public async Task Category_derived_and_internal_fields_are_denied_and_the_rest_is_returned(string selection)
    {
        // Arrange
        var client = api.OwnPartnerClient();
        var field = selection.Split(' ', '(')[0];

        // Act
        var body = await client.QueryAsync($$"""
            query CategoryField($code: String!) {
              category(code: $code) { code name managerEmail {{selection}} }
            }
            """, new { code = _data.SharedCategoryCode });

        // Assert
        Assert.Equal(_data.SharedCategoryCode, (string?)body.Data("category.code"));
        Assert.NotNull(body.Data("category.managerEmail"));
        AssertDenied(body, "category." + field);
    }

    public static TheoryData<string> DeniedSupplierFields =>
    [
        "registrationNumber",
        "ratings(first: 5) { totalCount nodes { overall comment raterName } }",
    ];

    [Theory]
    [MemberData(nameof(DeniedSupplierFields))]
    public async Task Supplier_fields_a_partner_may_not_read_are_denied_and_the_rest_is_returned(string selection)
    {
        // Arrange
        var client = api.OwnPartnerClient();
        var field = selection.Split(' ', '(')[0];

        // Act
        var body = await client.QueryAsync($$"""
            query SupplierField($id: ID!) {
              supplier(id: $id) { name city {{selection}} }
            }
            """, new { id = _data.OwnGlobalId });

        // Assert
        Assert.Equal(_data.OwnName, (string?)body.Data("supplier.name"));
        Assert.NotNull(body.Data("supplier.city"));
        AssertDenied(body, "supplier." + field);
    }

    public static TheoryData<string> DeniedContractFields =>
    [
        "baselineAnnualCost",
        "annualSavings",
        "savingsPercent",
        "ratings(first: 5) { totalCount nodes { overall } }",
    ];

    [Theory]
    [MemberData(nameof(DeniedContractFields))]
    public async Task Contract_fields_a_partner_may_not_read_are_denied_and_the_rest_is_returned(string selection)
    {
        // Arrange
        var client = api.OwnPartnerClient();
        var field = selection.Split(' ', '(')[0];
        var number = _data.OwnContractNumbers.Min()!;

        // Act
        var body = await client.QueryAsync($$"""
            query ContractField($number: String!) {
              contract(number: $number) { number totalValue annualValue {{selection}} }
            }
            """, new { number });

        // Assert
        Assert.Equal(number, (string?)body.Data("contract.number"));
        Assert.NotNull(body.Data("contract.totalValue"));
        AssertDenied(body, "contract." + field);
    }

    [Fact]
    public async Task Negotiation_fields_are_denied_on_every_contract_of_a_list()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query ContractSavings {
              contracts(first: 50) { nodes { number annualSavings } }
            }
            """);

        // Assert
        var contracts = body.Nodes("contracts");
        Assert.Equal(_data.OwnContractNumbers.Order(), contracts.Strings("number").Order());
        AssertDenied(body, [.. Enumerable.Range(0, contracts.Count).Select(i => $"contracts.nodes.{i}.annualSavings")]);
    }

    [Fact]
    public async Task The_owner_of_a_contract_shows_nothing_beyond_its_name()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnerFields($number: String!) {
              contract(number: $number) { owner { name code region headName valueDrivers { weight } } }
            }
            """, new { number = _data.OwnContractNumbers.Min() });

        // Assert
        Assert.Contains((string)body.Data("contract.owner.name")!, _data.OwnOwnerNames);
        AssertDenied(body, "contract.owner.code", "contract.owner.region", "contract.owner.headName", "contract.owner.valueDrivers");
    }

    [Fact]
    public async Task An_own_rating_by_id_shows_none_of_its_fields()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnRating($id: ID!) {
              node(id: $id) { ... on StakeholderRating { overall comment raterName ratedOn } }
            }
            """, new { id = _data.OwnRatingGlobalId });

        // Assert: rating IDs are not the partner's to read, so node() answers as for a missing ID, with no error.
        AssertNoErrors(body);
        Assert.Null(body.Data("node"));
    }

    [Theory]
    [InlineData("Procurement.Reader")]
    [InlineData("Procurement.Admin")]
    [InlineData("Stakeholder.Rater")]
    public async Task A_partner_holding_an_internal_role_too_is_still_only_a_partner(string role)
    {
        // Arrange
        var client = api.PartnerClient(PartnerIsolationData.OwnSupplierId.ToString(CultureInfo.InvariantCulture), role);

        // Act
        var body = await client.QueryAsync("""
            query WithInternalRole {
              suppliers(first: 5) { totalCount nodes { name registrationNumber } }
              contracts(first: 20) { totalCount nodes { number annualSavings } }
              categories(first: 10) { totalCount nodes { code contracts(first: 20) { nodes { supplier { name } } } } }
              stakeholderRatings(first: 5) { totalCount }
            }
            """);

        // Assert
        Assert.Equal(1, (int)body.Data("suppliers.totalCount")!);
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("contracts.totalCount")!);
        Assert.Equal(_data.OwnCategoryCodes.Count, (int)body.Data("categories.totalCount")!);
        AssertDenied(body, [
            "suppliers.nodes.0.registrationNumber",
            "stakeholderRatings",
            .. Enumerable.Range(0, _data.OwnContractNumbers.Count).Select(i => $"contracts.nodes.{i}.annualSavings"),
            .. Enumerable.Range(0, _data.OwnCategoryCodes.Count).Select(i => $"categories.nodes.{i}.contracts"),
        ]);
        AssertNothingForeign(body, _data);
    }

    private const string RatingSummaryQuery = """
        query OwnRatingSummary($id: ID!) {
          supplier(id: $id) {
            ratingSummary {
              count averageOverall averageQuality averageDelivery averageResponsiveness averageInnovation
              averageCostValue averageValueWeightedScore lastRatedOn
            }
          }
        }
        """;
}
