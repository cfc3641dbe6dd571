using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Contracts;

/// <summary>deleteContract: refused with ObjectInUseError while ratings depend on the contract.</summary>
public sealed class ContractDeletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string DeleteContract = """
        mutation Delete($input: DeleteContractInput!) {
          deleteContract(input: $input) { deletedContractId errors { __typename ... on ObjectInUseError { dependents } } }
        }
        """;

    [Fact]
    public async Task A_contract_with_ratings_is_refused_and_one_without_is_deleted()
    {
        // Arrange: contract 1 has ratings, contract 62 none
        var admin = api.CreateAs(Admin);

        // Act
        var (_, inUse) = await admin.PostGraphQLAsync(DeleteContract, new { input = new { id = Id("Contract", 1), expectedVersion = await VersionOf(admin, 1) } });
        var (_, deleted) = await admin.PostGraphQLAsync(DeleteContract, new { input = new { id = Id("Contract", 62), expectedVersion = await VersionOf(admin, 62) } });

        // Assert
        Assert.Equal("ObjectInUseError", (string?)inUse.Payload("deleteContract")["errors"]![0]!["__typename"]);
        Assert.Equal(Id("Contract", 62), (string?)deleted.Payload("deleteContract")["deletedContractId"]);
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM Contracts WHERE Id = 62"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Contracts WHERE Id = 1"));
    }

    private static async Task<string> VersionOf(HttpClient client, int contract) =>
        (string)(await client.PostGraphQLAsync("{ c: node(id: \"" + Id("Contract", contract) + "\") { ... on Contract { version } } }")).Body["data"]!["c"]!["version"]!;
}
