using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;
using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// Controls for the partner isolation tests: the same IDs, filters and routes do reach other suppliers' data for an
/// internal caller, so a partner's empty answers mean isolation, not a wrong ID, an empty category or a mistyped query.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class PartnerIsolationControlTests(EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient AdminClient() => api.CreateClient(t => t.Roles.Add("Procurement.Admin"));

    [Theory]
    [MemberData(nameof(PartnerIsolationTests.ForeignNodes), MemberType = typeof(PartnerIsolationTests))]
    public async Task The_ids_hidden_from_the_partner_exist(string typeName)
    {
        // Arrange
        var client = AdminClient();
        var id = typeName switch
        {
            "Supplier" => _data.OtherGlobalId,
            "Contract" => _data.OtherContractGlobalId,
            "Category" => _data.UnlinkedCategoryGlobalId,
            "BusinessUnit" => _data.OtherBusinessUnitGlobalId,
            "StrategicGoal" => _data.GoalGlobalId,
            _ => _data.OtherRatingGlobalId,
        };

        // Act
        var body = await client.QueryAsync("query NodeById($id: ID!) { node(id: $id) { __typename id } }", new { id });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(typeName, (string?)body.Data("node.__typename"));
    }

    [Fact]
    public async Task The_lookups_hidden_from_the_partner_find_rows()
    {
        // Arrange
        var client = AdminClient();

        // Act
        var body = await client.QueryAsync("""
            query Lookups($id: ID!, $number: String!, $code: String!) {
              supplier(id: $id) { name registrationNumber }
              contract(number: $number) { supplier { name } category { code } }
              category(code: $code) { code }
            }
            """, new { id = _data.OtherGlobalId, number = _data.OtherContractNumber, code = _data.UnlinkedCategoryCode });

        // Assert
        AssertNoErrors(body);
        Assert.Equal(_data.OtherName, (string?)body.Data("supplier.name"));
        Assert.Equal(_data.OtherRegistrationNumber, (string?)body.Data("supplier.registrationNumber"));
        Assert.Equal(_data.OtherName, (string?)body.Data("contract.supplier.name"));
        Assert.Equal(_data.SharedCategoryCode, (string?)body.Data("contract.category.code"));
        Assert.Equal(_data.UnlinkedCategoryCode, (string?)body.Data("category.code"));
    }

    [Theory]
    [MemberData(nameof(PartnerIsolationFilterTests.ForeignFilters), MemberType = typeof(PartnerIsolationFilterTests))]
    public async Task The_filters_that_find_nothing_for_the_partner_find_rows(string connection, string query)
    {
        // Arrange
        var client = AdminClient();

        // Act
        var body = await client.QueryAsync(query, _data.ForeignFilterValues);

        // Assert
        AssertNoErrors(body);
        Assert.True((int)body.Data(connection + ".totalCount")! > 0, body.ToJsonString());
        Assert.NotEmpty(body.Nodes(connection));
    }

    [Theory]
    [MemberData(nameof(PartnerIsolationFilterTests.RefusedArguments), MemberType = typeof(PartnerIsolationFilterTests))]
    public async Task The_filters_and_sorts_refused_to_the_partner_are_valid_and_answer_an_admin(string deniedPath, string query)
    {
        // Arrange
        var client = AdminClient();

        // Act
        var body = await client.QueryAsync(query, new { regNo = _data.OtherRegistrationNumber, name = _data.OtherName, own = _data.OwnGlobalId });

        // Assert
        AssertNoErrors(body);
        Assert.NotNull(body.Data(deniedPath));
    }

    [Fact]
    public async Task The_leak_check_finds_other_suppliers_in_an_internal_readers_answer()
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Procurement.Reader"));

        // Act
        var body = await client.QueryAsync("""
            query ThroughCategories($code: String!) {
              category(code: $code) { contracts(first: 50) { nodes { number supplier { id name } } } }
            }
            """, new { code = _data.SharedCategoryCode });

        // Assert
        AssertNoErrors(body);
        var leak = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNothingForeign(body, _data));
        Assert.Contains(_data.OtherName, leak.Message, StringComparison.Ordinal);
        Assert.Contains(_data.OtherContractNumber, leak.Message, StringComparison.Ordinal);
        Assert.Contains(GlobalId.Encode("Supplier", PartnerIsolationData.OtherSupplierId), leak.Message, StringComparison.Ordinal);
    }
}
