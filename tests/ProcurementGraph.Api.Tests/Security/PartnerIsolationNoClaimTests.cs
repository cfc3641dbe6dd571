using System.Globalization;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>A partner token without a usable supplier claim sees nothing: every list empty, every lookup null.</summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationNoClaimTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Everything = """
        query Everything($supplier: ID!, $contract: String!, $category: String!, $ids: [ID!]!) {
          me { isPartner supplierId }
          suppliers(first: 50) { totalCount nodes { name } }
          contracts(first: 50) { totalCount nodes { number } }
          categories(first: 50) { totalCount nodes { code } }
          supplier(id: $supplier) { name }
          contract(number: $contract) { number }
          category(code: $category) { code }
          nodes(ids: $ids) { id }
        }
        """;

    public static TheoryData<string?> UnusableClaims =>
    [
        null,
        "",
        "   ",
        "abc",
        "0",
        "-111",
        "111abc",
        GlobalId.Encode("Contract", PartnerIsolationData.OwnSupplierId),
    ];

    [Theory]
    [MemberData(nameof(UnusableClaims))]
    public async Task A_partner_without_a_usable_supplier_claim_sees_nothing(string? claim)
    {
        // Arrange
        var client = api.PartnerClient(claim);

        // Act
        var body = await client.QueryAsync(Everything, Variables());

        // Assert
        AssertNoErrors(body);
        Assert.True((bool)body.Data("me.isPartner")!);
        Assert.Null(body.Data("me.supplierId"));
        Assert.All(["suppliers", "contracts", "categories"], list =>
        {
            Assert.Equal(0, (int)body.Data(list + ".totalCount")!);
            Assert.Empty(body.Nodes(list));
        });
        Assert.All(["supplier", "contract", "category"], lookup => Assert.Null(body.Data(lookup)));
        Assert.All(body.Data("nodes")!.AsArray(), n => Assert.Null(n));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_same_query_with_the_supplier_claim_sees_the_own_supplier(bool asGlobalId)
    {
        // Arrange
        var claim = asGlobalId ? _data.OwnGlobalId : PartnerIsolationData.OwnSupplierId.ToString(CultureInfo.InvariantCulture);
        var client = api.PartnerClient(claim);

        // Act
        var body = await client.QueryAsync(Everything, Variables());

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OwnGlobalId, (string?)body.Data("me.supplierId"));
        Assert.Equal(1, (int)body.Data("suppliers.totalCount")!);
        Assert.Equal(_data.OwnContractNumbers.Count, (int)body.Data("contracts.totalCount")!);
        Assert.Equal(_data.OwnCategoryCodes.Count, (int)body.Data("categories.totalCount")!);
        Assert.Equal(_data.OwnName, (string?)body.Data("supplier.name"));
        Assert.NotNull(body.Data("contract"));
        Assert.NotNull(body.Data("category"));
        Assert.All(body.Data("nodes")!.AsArray(), n => Assert.NotNull(n));
    }

    private object Variables() => new
    {
        supplier = _data.OwnGlobalId,
        contract = _data.OwnContractNumbers.Min(),
        category = _data.SharedCategoryCode,
        ids = new[] { _data.OwnGlobalId, _data.OwnContractGlobalId, _data.OwnCategoryGlobalId },
    };
}
