using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Categories;

/// <summary>linkSupplierToCategory and unlinkSupplierFromCategory through HTTP.</summary>
public sealed class CategorySupplierLinkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Category = 52;

    private const string Errors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } }";

    private const string Link = $$"""
        mutation Link($input: LinkSupplierToCategoryInput!) {
          linkSupplierToCategory(input: $input) { category { id supplierCount suppliers { isPreferred since supplier { id } } } {{Errors}} }
        }
        """;

    private const string Unlink = $$"""
        mutation Unlink($input: UnlinkSupplierFromCategoryInput!) {
          unlinkSupplierFromCategory(input: $input) { category { id suppliers { supplier { id } } } {{Errors}} }
        }
        """;

    [Fact]
    public async Task Editor_links_a_supplier_in_two_statements_and_an_audit_insert_and_the_category_shows_it()
    {
        // Arrange
        var supplier = Unlinked(0);
        var before = api.Scalar($"SELECT COUNT(*) FROM CategorySuppliers WHERE CategoryId = {Category}");
        var editor = api.CreateAs(Editor);
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Link, new
        {
            input = new { supplierId = Id("Supplier", supplier), categoryId = Id("Category", Category), isPreferred = true, since = "2026-05-04" },
        });

        // Assert
        var category = body.Payload("linkSupplierToCategory")["category"]!;
        Assert.Equal(Id("Category", Category), (string?)category["id"]);
        var link = category["suppliers"]!.AsArray().Single(l => (string?)l!["supplier"]!["id"] == Id("Supplier", supplier))!;
        Assert.Equal((true, "2026-05-04"), ((bool)link["isPreferred"]!, (string?)link["since"]));
        Assert.Equal(before + 1, (long)(int)category["supplierCount"]!);
        Assert.Null(body.Payload("linkSupplierToCategory")["errors"]);
        Assert.Equal(3, api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM CategorySuppliers WHERE CategoryId = {Category} AND SupplierId = {supplier} AND IsPreferred = 1 AND Since = '2026-05-04'"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'linkSupplierToCategory' AND Action = 0 AND EntityKey = '{Category},{supplier}' "
            + "AND Changes LIKE '%\"isPreferred\":{\"before\":null,\"after\":true}%' AND Roles = 'Procurement.Editor'"));
    }

    [Fact]
    public async Task A_supplier_linked_already_is_a_duplicate_and_nothing_is_written()
    {
        // Arrange
        var supplier = Linked();

        // Act
        var (_, body) = await api.CreateAs(Editor).PostGraphQLAsync(Link, new { input = new { supplierId = Id("Supplier", supplier), categoryId = Id("Category", Category) } });

        // Assert
        var payload = body.Payload("linkSupplierToCategory");
        Assert.Null(payload["category"]);
        Assert.Equal([("ValidationError", "supplierId", "DUPLICATE")], payload.Errors());
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'linkSupplierToCategory' AND EntityKey = '" + Category + "," + supplier + "'"));
    }

    [Fact]
    public async Task Unknown_references_are_not_found()
    {
        // Act
        var (_, category) = await api.CreateAs(Editor).PostGraphQLAsync(Link, new { input = new { supplierId = Id("Supplier", Unlinked(2)), categoryId = Id("Category", 999999) } });
        var (_, supplier) = await api.CreateAs(Editor).PostGraphQLAsync(Unlink, new { input = new { supplierId = Id("Supplier", 999999), categoryId = Id("Category", Category) } });
        var (_, wrongType) = await api.CreateAs(Editor).PostGraphQLAsync(Link, new { input = new { supplierId = Id("Category", Category), categoryId = Id("Category", Category) } });

        // Assert
        Assert.Equal([("NotFoundError", "categoryId", null)], category.Payload("linkSupplierToCategory").Errors());
        Assert.Equal([("NotFoundError", "supplierId", null)], supplier.Payload("unlinkSupplierFromCategory").Errors());
        Assert.Equal([("NotFoundError", "supplierId", null)], wrongType.Payload("linkSupplierToCategory").Errors());
    }

    [Fact]
    public async Task Editor_unlinks_a_supplier_and_unlinking_it_again_is_a_typed_error()
    {
        // Arrange
        var supplier = Linked(1);
        var editor = api.CreateAs(Editor);
        var input = new { supplierId = Id("Supplier", supplier), categoryId = Id("Category", Category) };
        api.Sql.Reset();

        // Act
        var (_, first) = await editor.PostGraphQLAsync(Unlink, new { input });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var (_, again) = await editor.PostGraphQLAsync(Unlink, new { input });

        // Assert
        var category = first.Payload("unlinkSupplierFromCategory")["category"]!;
        Assert.DoesNotContain(category["suppliers"]!.AsArray(), l => (string?)l!["supplier"]!["id"] == Id("Supplier", supplier));
        Assert.Equal(3, statements);
        Assert.Equal(0, api.Scalar($"SELECT COUNT(*) FROM CategorySuppliers WHERE CategoryId = {Category} AND SupplierId = {supplier}"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'unlinkSupplierFromCategory' AND Action = 2 AND EntityKey = '{Category},{supplier}'"));
        Assert.Equal([("ValidationError", "supplierId", "NOT_LINKED")], again.Payload("unlinkSupplierFromCategory").Errors());
    }

    [Theory]
    [MemberData(nameof(NonEditors), MemberType = typeof(Writes))]
    public async Task Readers_partners_and_raters_cannot_link_or_unlink(string role)
    {
        // Arrange
        var (linked, unlinked) = (Linked(2), Unlinked(1));
        var link = new { input = new { supplierId = Id("Supplier", unlinked), categoryId = Id("Category", Category) } };
        var unlink = new { input = new { supplierId = Id("Supplier", linked), categoryId = Id("Category", Category) } };

        // Act
        var client = api.CreateCaller(role, partnerSupplier: unlinked.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refusals = new List<string?>
        {
            (await client.PostGraphQLAsync(Link, link)).Body.ErrorCode(),
            (await client.PostGraphQLAsync(Unlink, unlink)).Body.ErrorCode(),
        };

        // Assert
        Assert.All(refusals, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.Equal(0, api.Scalar($"SELECT COUNT(*) FROM CategorySuppliers WHERE CategoryId = {Category} AND SupplierId = {unlinked}"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM CategorySuppliers WHERE CategoryId = {Category} AND SupplierId = {linked}"));
    }

    /// <summary>The <paramref name="skip"/>-th supplier (by ID, from the top) approved in the category in the seed.</summary>
    private int Linked(int skip = 0) =>
        (int)api.Scalar($"SELECT SupplierId FROM CategorySuppliers WHERE CategoryId = {Category} ORDER BY SupplierId DESC LIMIT 1 OFFSET {skip}");

    /// <summary>The <paramref name="skip"/>-th supplier (by ID) not approved in the category.</summary>
    private int Unlinked(int skip) =>
        (int)api.Scalar($"SELECT Id FROM Suppliers WHERE Id NOT IN (SELECT SupplierId FROM CategorySuppliers WHERE CategoryId = {Category}) ORDER BY Id LIMIT 1 OFFSET {skip}");
}
