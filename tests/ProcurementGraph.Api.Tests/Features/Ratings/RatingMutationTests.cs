using System.Net;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Ratings;

/// <summary>submitRating, updateRating and withdrawRating through HTTP: success, each typed error, refusals, statements and the audit trail.</summary>
public sealed class RatingMutationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Submit = """
        mutation Submit($input: SubmitRatingInput!) {
          submitRating(input: $input) {
            stakeholderRating { id version period overall quality comment businessUnit { code } supplier { id } }
            errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field id } }
          }
        }
        """;

    private const string Update = """
        mutation Update($input: UpdateRatingInput!) {
          updateRating(input: $input) {
            stakeholderRating { id version quality delivery comment period }
            errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } }
          }
        }
        """;

    private const string Withdraw = """
        mutation Withdraw($input: WithdrawRatingInput!) {
          withdrawRating(input: $input) {
            withdrawnRatingId
            errors { __typename ... on Error { message } ... on ConcurrencyConflictError { currentVersion } ... on NotFoundError { field } }
          }
        }
        """;

    private static object NewRating(int supplier = 7, int? contract = null, int quality = 4, string period = "2026-Q2") => new
    {
        supplierId = Id("Supplier", supplier),
        contractId = contract is { } c ? Id("Contract", c) : null,
        period,
        quality, delivery = 3, responsiveness = 5, innovation = 2, costValue = 4, overall = 4,
        comment = "Solid quarter.",
    };

    [Fact]
    public async Task Rater_submits_a_rating_for_its_own_business_unit_in_three_statements_and_an_audit_insert()
    {
        // Arrange
        var client = api.CreateRater();
        api.Sql.Reset();

        // Act
        var (response, body) = await client.PostGraphQLAsync(Submit, new { input = NewRating() });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = body.Payload("submitRating");
        Assert.Null(payload["errors"]);
        var rating = payload["stakeholderRating"]!;
        Assert.Equal("MFG-EU", (string?)rating["businessUnit"]!["code"]);
        Assert.Equal(Id("Supplier", 7), (string?)rating["supplier"]!["id"]);
        Assert.Equal(4, (int)rating["overall"]!);
        Assert.Equal("2026-Q2", (string?)rating["period"]);
        Assert.Matches("^[0-9a-f]{16}$", (string)rating["version"]!);
        var statements = api.Sql.Commands;
        Assert.Single(statements, s => s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        Assert.Equal(3, statements.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        var key = GlobalKey((string)rating["id"]!);
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM StakeholderRatings WHERE Id = {key} AND BusinessUnitId = 1 AND RaterName = 'Rita Rater' AND RaterEmail = 'rita.rater@example.com'"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'StakeholderRating' AND EntityKey = '{key}' AND Action = 0 AND Operation = 'submitRating' AND Subject = 'Rita Rater' AND Roles = 'Stakeholder.Rater'"));
    }

    [Fact]
    public async Task Invalid_values_are_typed_errors_naming_the_input_field_and_nothing_is_written()
    {
        // Arrange
        var client = api.CreateRater();
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        var input = new
        {
            supplierId = Id("Supplier", 7), period = "Q3-2026", quality = 6, delivery = 0, responsiveness = 3, innovation = 3, costValue = 3, overall = 3,
            comment = new string('x', 2001),
        };

        // Act
        var (response, body) = await client.PostGraphQLAsync(Submit, new { input });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = body.Payload("submitRating");
        Assert.Null(payload["stakeholderRating"]);
        Assert.Equal(
            [("ValidationError", "period", "INVALID_FORMAT"), ("ValidationError", "quality", "OUT_OF_RANGE"), ("ValidationError", "delivery", "OUT_OF_RANGE"), ("ValidationError", "comment", "TOO_LONG")],
            payload.Errors());
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Fact]
    public async Task References_that_do_not_exist_or_do_not_fit_are_typed_errors()
    {
        // Arrange: contract 1675 belongs to supplier 1, not 7; supplier 99999 does not exist
        var client = api.CreateRater();

        // Act
        var (_, unknown) = await client.PostGraphQLAsync(Submit, new { input = NewRating(supplier: 99999) });
        var (_, mismatch) = await client.PostGraphQLAsync(Submit, new { input = NewRating(contract: 1675) });
        var (_, wrongType) = await client.PostGraphQLAsync(Submit, new { input = new { supplierId = Id("Contract", 7), period = "2026-Q2", quality = 1, delivery = 1, responsiveness = 1, innovation = 1, costValue = 1, overall = 1 } });

        // Assert
        Assert.Equal([("NotFoundError", "supplierId", null)], unknown.Payload("submitRating").Errors());
        Assert.Equal([("ValidationError", "contractId", "INVALID_VALUE")], mismatch.Payload("submitRating").Errors());
        Assert.Equal([("NotFoundError", "supplierId", null)], wrongType.Payload("submitRating").Errors());
    }

    [Fact]
    public async Task A_rater_cannot_rate_for_another_business_unit_and_a_reader_cannot_rate_at_all()
    {
        // Arrange
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        var input = new
        {
            supplierId = Id("Supplier", 7), businessUnitId = Id("BusinessUnit", 2), period = "2026-Q2",
            quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall = 3,
        };

        // Act
        var (raterResponse, rater) = await api.CreateRater().PostGraphQLAsync(Submit, new { input });
        var (_, reader) = await api.CreateAs(Reader).PostGraphQLAsync(Submit, new { input = NewRating() });
        var (_, partner) = await api.CreateClient([Partner], new Dictionary<string, object> { ["supplier_id"] = "7" }).PostGraphQLAsync(Submit, new { input = NewRating() });

        // Assert
        Assert.Equal(HttpStatusCode.OK, raterResponse.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", rater.ErrorCode());
        Assert.Equal("AUTH_NOT_AUTHORIZED", reader.ErrorCode());
        Assert.Equal("AUTH_NOT_AUTHORIZED", partner.ErrorCode());
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Fact]
    public async Task Admin_rates_for_any_business_unit_it_names()
    {
        // Arrange
        var admin = api.CreateAs(Admin);
        var input = new
        {
            supplierId = Id("Supplier", 7), businessUnitId = Id("BusinessUnit", 3), period = "2026-Q1",
            quality = 5, delivery = 5, responsiveness = 5, innovation = 5, costValue = 5, overall = 5,
        };

        // Act
        var (_, body) = await admin.PostGraphQLAsync(Submit, new { input });
        var (_, missing) = await admin.PostGraphQLAsync(Submit, new { input = NewRating() });

        // Assert
        Assert.Equal("RND", (string?)body.Payload("submitRating")["stakeholderRating"]!["businessUnit"]!["code"]);
        Assert.Equal([("ValidationError", "businessUnitId", "REQUIRED")], missing.Payload("submitRating").Errors());
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_renews_the_version_and_refuses_a_stale_version()
    {
        // Arrange
        var client = api.CreateRater();
        var created = (await client.PostGraphQLAsync(Submit, new { input = NewRating() })).Body.Payload("submitRating")["stakeholderRating"]!;
        var id = (string)created["id"]!;
        var version = (string)created["version"]!;
        api.Sql.Reset();

        // Act
        var (_, updated) = await client.PostGraphQLAsync(Update, new { input = new { id, expectedVersion = version, quality = 1, comment = (string?)null } });
        var statements = api.Sql.Commands;
        var (_, stale) = await client.PostGraphQLAsync(Update, new { input = new { id, expectedVersion = version, quality = 2 } });

        // Assert
        var rating = updated.Payload("updateRating")["stakeholderRating"]!;
        Assert.Equal(1, (int)rating["quality"]!);
        Assert.Equal(3, (int)rating["delivery"]!);
        Assert.Equal("2026-Q2", (string?)rating["period"]);
        Assert.Null(rating["comment"]);
        var newVersion = (string)rating["version"]!;
        Assert.NotEqual(version, newVersion);
        Assert.Equal(3, statements.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Single(statements, s => s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var conflict = stale.Payload("updateRating");
        Assert.Null(conflict["stakeholderRating"]);
        Assert.Equal("ConcurrencyConflictError", (string?)conflict["errors"]![0]!["__typename"]);
        Assert.Equal(newVersion, (string?)conflict["errors"]![0]!["currentVersion"]);
        Assert.Equal(1, api.Scalar($"SELECT Quality FROM StakeholderRatings WHERE Id = {GlobalKey(id)}"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE EntityKey = '{GlobalKey(id)}' AND Action = 1 AND Changes LIKE '%\"quality\":{{\"before\":4,\"after\":1}}%' AND Changes LIKE '%\"comment\":{{\"before\":\"Solid quarter.\",\"after\":null}}%'"));
    }

    [Fact]
    public async Task A_rater_cannot_update_another_business_units_rating_and_an_unknown_rating_is_not_found()
    {
        // Arrange: rating 1 belongs to business unit 5 (SALES-APAC)
        var client = api.CreateRater();
        var quality = api.Scalar("SELECT Quality FROM StakeholderRatings WHERE Id = 1");
        var version = (string)(await api.CreateAs(Admin).PostGraphQLAsync($$"""{ node(id: "{{Id("StakeholderRating", 1)}}") { ... on StakeholderRating { version } } }""")).Body["data"]!["node"]!["version"]!;

        // Act
        var (_, other) = await client.PostGraphQLAsync(Update, new { input = new { id = Id("StakeholderRating", 1), expectedVersion = version, quality = quality == 5 ? 4 : 5 } });
        var (_, unknown) = await client.PostGraphQLAsync(Update, new { input = new { id = Id("StakeholderRating", 999999), expectedVersion = version, quality = 1 } });

        // Assert
        Assert.Equal("AUTH_NOT_AUTHORIZED", other.ErrorCode());
        Assert.Equal([("NotFoundError", "id", null)], unknown.Payload("updateRating").Errors());
        Assert.Equal(quality, api.Scalar("SELECT Quality FROM StakeholderRatings WHERE Id = 1"));
    }

    [Fact]
    public async Task Withdraw_removes_the_rating_and_the_summary_reflects_it_at_once()
    {
        // Arrange
        var client = api.CreateRater();
        const string Summary = """{ supplier(id: "U3VwcGxpZXI6MTE=") { ratingSummary { count } } }""";
        var created = (await client.PostGraphQLAsync(Submit, new { input = NewRating(supplier: 11) })).Body.Payload("submitRating")["stakeholderRating"]!;
        var count = (int)(await client.PostGraphQLAsync(Summary)).Body["data"]!["supplier"]!["ratingSummary"]!["count"]!;

        // Act
        var (_, stale) = await client.PostGraphQLAsync(Withdraw, new { input = new { id = (string)created["id"]!, expectedVersion = "0123456789abcdef0123456789abcdef" } });
        var (_, body) = await client.PostGraphQLAsync(Withdraw, new { input = new { id = (string)created["id"]!, expectedVersion = (string)created["version"]! } });

        // Assert
        Assert.Equal("ConcurrencyConflictError", (string?)stale.Payload("withdrawRating")["errors"]![0]!["__typename"]);
        Assert.Equal((string)created["id"]!, (string?)body.Payload("withdrawRating")["withdrawnRatingId"]);
        Assert.Equal(count - 1, (int)(await client.PostGraphQLAsync(Summary)).Body["data"]!["supplier"]!["ratingSummary"]!["count"]!);
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE EntityKey = '{GlobalKey((string)created["id"]!)}' AND Action = 2 AND Operation = 'withdrawRating'"));
    }

    private static int GlobalKey(string id)
    {
        Assert.True(ProcurementGraph.Toolkit.Relay.GlobalId.TryDecode(id, out _, out var key));
        return int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
    }
}
