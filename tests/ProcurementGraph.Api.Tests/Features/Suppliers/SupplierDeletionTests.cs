using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Suppliers;

/// <summary>deleteSupplier: Admin only, refused with ObjectInUseError while other rows depend on the supplier, audited.</summary>
public sealed class SupplierDeletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string DeleteSupplier = """
        mutation Delete($input: DeleteSupplierInput!) {
          deleteSupplier(input: $input) { deletedSupplierId errors { __typename ... on Error { message } ... on ObjectInUseError { dependents } } }
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
}
