using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Suppliers;

/// <summary>createSupplier, updateSupplier, changeSupplierStatus and updateMySupplierContact through HTTP.</summary>
public sealed class SupplierMutationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string CreateErrors = "errors { __typename ... on Error { message } ... on ValidationError { field code } }";
    private const string UpdateErrors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } }";
    private const string StatusErrors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } ... on InvalidStatusTransitionError { from to allowed } }";

    private const string Create = $$"""
        mutation Create($input: CreateSupplierInput!) {
          createSupplier(input: $input) { supplier { id version name country status riskLevel complianceStatus website activeContractValue } {{CreateErrors}} }
        }
        """;

    private const string Update = $$"""
        mutation Update($input: UpdateSupplierInput!) {
          updateSupplier(input: $input) { supplier { id version name city website lastAuditOn riskLevel } {{UpdateErrors}} }
        }
        """;

    private const string ChangeStatus = $$"""
        mutation ChangeStatus($input: ChangeSupplierStatusInput!) {
          changeSupplierStatus(input: $input) { supplier { id version status onboardedOn } {{StatusErrors}} }
        }
        """;

    private const string MyContact = $$"""
        mutation MyContact($input: UpdateMySupplierContactInput!) {
          updateMySupplierContact(input: $input) { supplier { id version city website primaryContactEmail } {{UpdateErrors}} }
        }
        """;

    private static object NewSupplier(string registration) => new
    {
        name = "Fjord Fasteners", legalName = "Fjord Fasteners AS", registrationNumber = registration, country = "no",
        city = "Bergen", website = "https://fjord.example.com", primaryContactEmail = "sales@fjord.example.com",
    };

    [Fact]
    public async Task Editor_creates_a_prospect_in_two_statements_and_an_audit_insert()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        api.Sql.Reset();

        // Act
        var (response, body) = await editor.PostGraphQLAsync(Create, new { input = NewSupplier("NO-100200") });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var supplier = body.Payload("createSupplier")["supplier"]!;
        Assert.Equal("NO", (string?)supplier["country"]);
        Assert.Equal("PROSPECT", (string?)supplier["status"]);
        Assert.Equal("MEDIUM", (string?)supplier["riskLevel"]);
        Assert.Equal("PENDING_REVIEW", (string?)supplier["complianceStatus"]);
        Assert.Equal(0m, (decimal)supplier["activeContractValue"]!);
        Assert.Equal(2, api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Supplier' AND Operation = 'createSupplier' AND Action = 0 AND Changes LIKE '%\"registrationNumber\":{\"before\":null,\"after\":\"NO-100200\"}%'"));
    }

    [Fact]
    public async Task Invalid_values_name_their_input_fields_and_a_taken_registration_number_is_a_duplicate()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var before = api.Scalar("SELECT COUNT(*) FROM Suppliers");
        var invalid = new
        {
            name = " ", legalName = new string('L', 201), registrationNumber = "X-1", country = "XX", city = "Oslo",
            website = "ftp://nowhere", primaryContactEmail = "not-an-email",
        };

        // Act
        var (_, bad) = await editor.PostGraphQLAsync(Create, new { input = invalid });
        var (_, duplicate) = await editor.PostGraphQLAsync(Create, new { input = NewSupplier("DE87135092") });

        // Assert
        Assert.Equal(
            [("ValidationError", "name", "REQUIRED"), ("ValidationError", "legalName", "TOO_LONG"), ("ValidationError", "country", "INVALID_VALUE"),
             ("ValidationError", "primaryContactEmail", "INVALID_FORMAT"), ("ValidationError", "website", "INVALID_FORMAT")],
            bad.Payload("createSupplier").Errors());
        Assert.Equal([("ValidationError", "registrationNumber", "DUPLICATE")], duplicate.Payload("createSupplier").Errors());
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM Suppliers"));
    }

    [Fact]
    public async Task Update_is_partial_null_clears_a_nullable_field_and_a_stale_version_is_a_conflict()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var version = await VersionOf(editor, 2);
        var name = api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE Id = 2 AND Name = 'Valant Talent'");
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Supplier", 2), expectedVersion = version, city = "Bonn", website = (string?)null, riskLevel = "HIGH" } });
        var statements = api.Sql.Commands;
        var (_, stale) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Supplier", 2), expectedVersion = version, city = "Köln" } });

        // Assert
        var supplier = body.Payload("updateSupplier")["supplier"]!;
        Assert.Equal(1, name);
        Assert.Equal("Valant Talent", (string?)supplier["name"]);
        Assert.Equal("Bonn", (string?)supplier["city"]);
        Assert.Null(supplier["website"]);
        Assert.Equal("HIGH", (string?)supplier["riskLevel"]);
        Assert.Equal(3, statements.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Contains("UPDATE \"Suppliers\"", StringComparison.Ordinal) && s.Contains("\"Version\" = @", StringComparison.Ordinal));
        var conflict = stale.Payload("updateSupplier");
        Assert.Null(conflict["supplier"]);
        Assert.Equal((string?)supplier["version"], (string?)conflict["errors"]![0]!["currentVersion"]);
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE Id = 2 AND City = 'Bonn' AND Website IS NULL"));
    }

    [Fact]
    public async Task Required_fields_cannot_be_cleared_and_an_unknown_supplier_is_not_found()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var version = await VersionOf(editor, 3);

        // Act
        var (_, cleared) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Supplier", 3), expectedVersion = version, name = (string?)null, city = "" } });
        var (_, unknown) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Supplier", 777777), expectedVersion = version, city = "Kraków" } });

        // Assert
        Assert.Equal([("ValidationError", "name", "REQUIRED"), ("ValidationError", "city", "REQUIRED")], cleared.Payload("updateSupplier").Errors());
        Assert.Equal([("NotFoundError", "id", null)], unknown.Payload("updateSupplier").Errors());
    }

    [Fact]
    public async Task Status_follows_the_life_cycle_and_other_moves_are_typed_errors()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var created = (await editor.PostGraphQLAsync(Create, new { input = NewSupplier("NO-300400") })).Body.Payload("createSupplier")["supplier"]!;
        var id = (string)created["id"]!;
        var version = (string)created["version"]!;

        // Act
        var (_, skip) = await editor.PostGraphQLAsync(ChangeStatus, new { input = new { id, expectedVersion = version, status = "ACTIVE" } });
        var steps = new List<JsonNode>();
        foreach (var status in new[] { "ONBOARDING", "ACTIVE", "SUSPENDED", "ACTIVE", "SUSPENDED", "OFFBOARDED" })
        {
            var step = (await editor.PostGraphQLAsync(ChangeStatus, new { input = new { id, expectedVersion = version, status } })).Body.Payload("changeSupplierStatus");
            steps.Add(step);
            version = (string)step["supplier"]!["version"]!;
        }

        var (_, final) = await editor.PostGraphQLAsync(ChangeStatus, new { input = new { id, expectedVersion = version, status = "ACTIVE" } });

        // Assert
        var error = skip.Payload("changeSupplierStatus")["errors"]![0]!;
        Assert.Equal("InvalidStatusTransitionError", (string?)error["__typename"]);
        Assert.Equal("PROSPECT", (string?)error["from"]);
        Assert.Equal("ACTIVE", (string?)error["to"]);
        Assert.Equal(["ONBOARDING"], error["allowed"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["ONBOARDING", "ACTIVE", "SUSPENDED", "ACTIVE", "SUSPENDED", "OFFBOARDED"], steps.Select(s => (string?)s["supplier"]!["status"]));
        Assert.Equal("2026-06-30", (string?)steps[1]["supplier"]!["onboardedOn"]);
        var refused = final.Payload("changeSupplierStatus")["errors"]![0]!;
        Assert.Empty(refused["allowed"]!.AsArray());
    }

    [Fact]
    public async Task Readers_partners_and_raters_cannot_change_suppliers()
    {
        // Arrange
        var input = new { id = Id("Supplier", 12), expectedVersion = "x", city = "Taipei" };

        // Act
        var (_, reader) = await api.CreateAs(Reader).PostGraphQLAsync(Update, new { input });
        var (_, rater) = await api.CreateRater().PostGraphQLAsync(Update, new { input });
        var (_, partner) = await Partner(12).PostGraphQLAsync(Update, new { input });

        // Assert
        Assert.Equal("AUTH_NOT_AUTHORIZED", reader.ErrorCode());
        Assert.Equal("AUTH_NOT_AUTHORIZED", rater.ErrorCode());
        Assert.Equal("AUTH_NOT_AUTHORIZED", partner.ErrorCode());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE Id = 12 AND City = 'Hsinchu'"));
    }

    [Fact]
    public async Task A_partner_changes_its_own_contact_fields_only()
    {
        // Arrange
        var partner = Partner(12);
        var version = (string)(await partner.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", 12) + "\") { version } }")).Body["data"]!["supplier"]!["version"]!;

        // Act
        var (_, body) = await partner.PostGraphQLAsync(MyContact, new { input = new { expectedVersion = version, city = "Zhubei", primaryContactEmail = "portal@hsinchu.example.com" } });
        var (_, otherField) = await partner.PostGraphQLAsync("mutation { updateMySupplierContact(input: { expectedVersion: \"x\", name: \"Evil\" }) { supplier { name } } }");
        var (_, noClaim) = await api.CreateClient([ProcurementGraph.Api.Tests.TestKit.Writes.Partner]).PostGraphQLAsync(MyContact, new { input = new { expectedVersion = version, city = "Nowhere" } });

        // Assert
        var supplier = body.Payload("updateMySupplierContact")["supplier"]!;
        Assert.Equal(Id("Supplier", 12), (string?)supplier["id"]);
        Assert.Equal("Zhubei", (string?)supplier["city"]);
        Assert.Null(otherField["data"]);
        Assert.Contains("name", (string?)otherField["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("AUTH_NOT_AUTHORIZED", noClaim.ErrorCode());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE Id = 12 AND City = 'Zhubei' AND Name = 'Hsinchu Precision Academy'"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'updateMySupplierContact' AND EntityKey = '12' AND Roles = 'Partner'"));
    }

    [Fact]
    public async Task Editors_cannot_use_the_partner_portal_mutation()
    {
        // Act
        var (_, body) = await api.CreateAs(Editor).PostGraphQLAsync(MyContact, new { input = new { expectedVersion = "x", city = "Anywhere" } });

        // Assert
        Assert.Equal("AUTH_NOT_AUTHORIZED", body.ErrorCode());
    }

    private HttpClient Partner(int supplier) =>
        api.CreateClient([ProcurementGraph.Api.Tests.TestKit.Writes.Partner], new Dictionary<string, object> { ["supplier_id"] = supplier.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static async Task<string> VersionOf(HttpClient client, int supplier) =>
        (string)(await client.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", supplier) + "\") { version } }")).Body["data"]!["supplier"]!["version"]!;
}
