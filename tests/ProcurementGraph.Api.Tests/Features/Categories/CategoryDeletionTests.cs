using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Categories;

/// <summary>deleteCategory through HTTP: Admin only, refused with ObjectInUseError while other rows depend on the category, audited.</summary>
public sealed class CategoryDeletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Delete = """
        mutation Delete($input: DeleteCategoryInput!) {
          deleteCategory(input: $input) { deletedCategoryId errors { __typename ... on Error { message } ... on ObjectInUseError { dependents } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } } }
        }
        """;

    [Fact]
    public async Task Categories_with_subcategories_contracts_supplier_links_goal_links_or_ratings_are_refused()
    {
        // Arrange: IT.SW has subcategories, IT.SW.SAAS contracts and ratings, a seeded goal link, and a new leaf one supplier approval
        var (admin, editor) = (api.CreateAs(Admin), api.CreateAs(Editor));
        var leaf = await CategoryMoveTests.CreateAsync(editor, "IT.SW.DEL", await CategoryMoveTests.IdOf(editor, "IT.SW"));
        (await editor.PostGraphQLAsync("mutation($c: ID!, $s: ID!) { linkSupplierToCategory(input: { categoryId: $c, supplierId: $s }) { category { id } } }", new { c = leaf, s = Id("Supplier", 1) }))
            .Body.Payload("linkSupplierToCategory");
        var goalLinked = (int)api.Scalar("SELECT MIN(CategoryId) FROM GoalCategories");
        var targets = new[] { await CategoryMoveTests.IdOf(editor, "IT.SW"), await CategoryMoveTests.IdOf(editor, "IT.SW.SAAS"), Id("Category", goalLinked), leaf };
        var before = api.Scalar("SELECT COUNT(*) FROM Categories");

        // Act
        var dependents = new List<List<string>>();
        foreach (var target in targets)
        {
            var (_, body) = await admin.PostGraphQLAsync(Delete, new { input = new { id = target, expectedVersion = await VersionOf(admin, target) } });
            var payload = body.Payload("deleteCategory");
            Assert.Null(payload["deletedCategoryId"]);
            Assert.Equal("ObjectInUseError", (string?)payload["errors"]![0]!["__typename"]);
            dependents.Add([.. payload["errors"]![0]!["dependents"]!.AsArray().Select(d => (string)d!)]);
        }

        // Assert
        Assert.Contains("subcategories (3)", dependents[0]);
        Assert.Contains(dependents[1], d => d.StartsWith("contracts (", StringComparison.Ordinal));
        Assert.Contains(dependents[1], d => d.StartsWith("ratings (", StringComparison.Ordinal));
        Assert.Contains(dependents[2], d => d.StartsWith("goal links (", StringComparison.Ordinal));
        Assert.Equal(["supplier links (1)"], dependents[3]);
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM Categories"));
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'deleteCategory'"));
    }

    [Fact]
    public async Task Admin_deletes_an_unused_category_at_its_version_in_three_statements_and_an_audit_insert()
    {
        // Arrange
        var admin = api.CreateAs(Admin);
        var category = await CategoryMoveTests.CreateAsync(api.CreateAs(Editor), "GONE", null);
        var version = await VersionOf(admin, category);
        api.Sql.Reset();

        // Act
        var (_, deleted) = await admin.PostGraphQLAsync(Delete, new { input = new { id = category, expectedVersion = version } });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var (_, again) = await admin.PostGraphQLAsync(Delete, new { input = new { id = category, expectedVersion = version } });

        // Assert
        var payload = deleted.Payload("deleteCategory");
        Assert.Null(payload["errors"]);
        Assert.Equal(category, (string?)payload["deletedCategoryId"]);
        Assert.Equal(3, statements);
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'GONE'"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'deleteCategory' AND Action = 2 AND Changes LIKE '%\"code\":{\"before\":\"GONE\",\"after\":null}%'"));
        Assert.Equal([("NotFoundError", "id", null)], again.Payload("deleteCategory").Errors());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_only_admin_may_delete()
    {
        // Arrange
        var (admin, editor) = (api.CreateAs(Admin), api.CreateAs(Editor));
        var category = await CategoryMoveTests.CreateAsync(editor, "KEEP", null);
        var read = await VersionOf(admin, category);
        (await editor.PostGraphQLAsync("mutation($i: UpdateCategoryInput!) { updateCategory(input: $i) { category { id } } }", new { i = new { id = category, expectedVersion = read, name = "Kept" } }))
            .Body.Payload("updateCategory");
        var input = new { input = new { id = category, expectedVersion = await VersionOf(admin, category) } };

        // Act
        var (_, stale) = await admin.PostGraphQLAsync(Delete, new { input = new { id = category, expectedVersion = read } });
        var refusals = new List<string?>();
        foreach (var client in new[] { editor, api.CreateAs(Reader), api.CreateRater(), api.CreateClient([Partner], new Dictionary<string, object> { ["supplier_id"] = "12" }) })
        {
            refusals.Add((await client.PostGraphQLAsync(Delete, input)).Body.ErrorCode());
        }

        // Assert
        var conflict = stale.Payload("deleteCategory")["errors"]![0]!;
        Assert.Equal(("ConcurrencyConflictError", input.input.expectedVersion), ((string?)conflict["__typename"], (string?)conflict["currentVersion"]));
        Assert.All(refusals, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Categories WHERE Code = 'KEEP' AND Name = 'Kept'"));
    }

    private static async Task<string> VersionOf(HttpClient client, string id) =>
        (string)(await client.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on Category { version } } }", new { id })).Body["data"]!["node"]!["version"]!;
}
