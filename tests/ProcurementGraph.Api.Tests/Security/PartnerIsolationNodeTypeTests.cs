using static ProcurementGraph.Api.Tests.Security.PartnerIsolationAssertions;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// Types whose IDs a partner may not read answer <c>node(id:)</c> as if the ID did not exist, even for the partner's own
/// rows (its own ratings feed its rating summary, but an individual rating is never confirmed); a contract owner's
/// ID, denied to partners, nulls the owner, never the contract list.
/// </summary>
[Collection(TestKit.EntraCollection.Name)]
public sealed class PartnerIsolationNodeTypeTests(TestKit.EntraApiFactory api) : IAsyncLifetime
{
    private PartnerIsolationData _data = null!;

    public async Task InitializeAsync() => _data = await PartnerIsolationData.LoadAsync(api.DatabasePath);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_partners_own_rating_is_not_confirmed_by_node()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var own = await client.QueryAsync("query OwnRating($id: ID!) { node(id: $id) { __typename } }", new { id = _data.OwnRatingGlobalId });
        var missing = await client.QueryAsync("query NoRating($id: ID!) { node(id: $id) { __typename } }", new { id = ProcurementGraph.Toolkit.Relay.GlobalId.Encode("StakeholderRating", PartnerIsolationData.MissingKey) });

        // Assert
        AssertNoErrors(own);
        Assert.Null(own.Data("node"));
        Assert.Equal(missing.ToJsonString(), own.ToJsonString());
    }

    [Fact]
    public async Task A_denied_owner_id_nulls_the_owner_not_the_contracts()
    {
        // Arrange
        var client = api.OwnPartnerClient();

        // Act
        var body = await client.QueryAsync("""
            query OwnerIds {
              contracts(first: 3) { nodes { number owner { id name } } }
            }
            """);

        // Assert
        var contracts = body.Nodes("contracts");
        Assert.Equal(3, contracts.Count);
        Assert.All(contracts, c => Assert.Null(c["owner"]));
        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal(NotAuthorized, (string?)e!["extensions"]!["code"]));
    }
}
