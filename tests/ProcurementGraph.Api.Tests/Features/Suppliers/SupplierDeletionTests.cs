using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Mutations;

/// <summary>deleteSupplier and deleteContract: Admin only, refused with ObjectInUseError while other rows depend on the target, audited.</summary>
public sealed class DeleteMutationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string DeleteSupplier = """
        mutation Delete($input: DeleteSupplierInput!) {
          deleteSupplier(input: $input) { deletedSupplierId errors { __typename ... on Error { message } ... on ObjectInUseError { dependents } } }
        }
        """;

    private const string DeleteContract = """
        mutation Delete($input: DeleteContractInput!) {
          deleteContract(input: $input) { deletedContractId errors { __typename ... on ObjectInUseError { dependents } } }
        }
        """;

    [Fact]
    public async Task A_supplier_in_use_is_refused_and_an_unused_one_is_deleted_and_audited()
    {
        // Arrange
        var admin = api.CreateAs(Admin);
        var created = (await api.CreateAs(Editor).PostGraphQLAsync("mutation { createSupplier(input: { name: \"Gone\", legalName: \"Gone Ltd\", registrationNumber: \"GB-GONE-1\", country: \"GB\", city: \"Leeds\", primaryContactEmail: \"a@gone.example.com\" }) { supplier { id version } } }"))
            .Body.Payload("createSupplier")["supplier"]!;
        var version1 = (string)(await admin.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", 1) + "\") { version } }")).Body["data"]!["supplier"]!["version"]!;

        // Act
        var (_, inUse) = await admin.PostGraphQLAsync(DeleteSupplier, new { input = new { id = Id("Supplier", 1), expectedVersion = version1 } });
        var (_, editor) = await api.CreateAs(Editor).PostGraphQLAsync(DeleteSupplier, new { input = new { id = (string)created["id"]!, expectedVersion = (string)created["version"]! } });
        var (_, deleted) = await admin.PostGraphQLAsync(DeleteSupplier, new { input = new { id = (string)created["id"]!, expectedVersion = (string)created["version"]! } });

        // Assert
        var error = inUse.Payload("deleteSupplier")["errors"]![0]!;
        Assert.Equal("ObjectInUseError", (string?)error["__typename"]);
        Assert.Contains(error["dependents"]!.AsArray(), d => ((string)d!).StartsWith("contracts (", StringComparison.Ordinal));
        Assert.Equal("AUTH_NOT_AUTHORIZED", editor.ErrorCode());
        Assert.Equal((string)created["id"]!, (string?)deleted.Payload("deleteSupplier")["deletedSupplierId"]);
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE RegistrationNumber = 'GB-GONE-1'"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE Id = 1"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'deleteSupplier' AND Action = 2 AND Changes LIKE '%\"registrationNumber\":{\"before\":\"GB-GONE-1\",\"after\":null}%'"));
    }

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
