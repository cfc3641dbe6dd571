using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.StrategicGoals;

/// <summary>createStrategicGoal and updateStrategicGoal through HTTP.</summary>
public sealed class StrategicGoalWriteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string CreateErrors = "errors { __typename ... on Error { message } ... on ValidationError { field code } }";

    private const string Errors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } }";

    private const string Goal = "id version code title description theme ownerName ownerEmail periodStart periodEnd status kpiName kpiUnit baseline target current progress categories { weight }";

    private const string Create = $$"""
        mutation Create($input: CreateStrategicGoalInput!) {
          createStrategicGoal(input: $input) { strategicGoal { {{Goal}} } {{CreateErrors}} }
        }
        """;

    private const string Update = $$"""
        mutation Update($input: UpdateStrategicGoalInput!) {
          updateStrategicGoal(input: $input) { strategicGoal { {{Goal}} } {{Errors}} }
        }
        """;

    private static Dictionary<string, object?> NewGoal(string code) => new()
    {
        ["code"] = code, ["title"] = "Halve single-sourced spend", ["description"] = "Second sources for every critical part.",
        ["theme"] = "RISK_MITIGATION", ["ownerName"] = "Rosa Risk", ["ownerEmail"] = "rosa.risk@example.com",
        ["periodStart"] = "2026-01-01", ["periodEnd"] = "2027-12-31", ["kpiName"] = "Single-sourced spend share", ["kpiUnit"] = "PERCENT",
        ["baseline"] = 40m, ["target"] = 20m,
    };

    [Fact]
    public async Task Editor_creates_a_draft_goal_at_its_baseline_in_two_statements_and_an_audit_insert()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        api.Sql.Reset();

        // Act
        var (response, body) = await editor.PostGraphQLAsync(Create, new { input = NewGoal("sg-2026-risk_1") });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = body.Payload("createStrategicGoal");
        Assert.Null(payload["errors"]);
        var goal = payload["strategicGoal"]!;
        Assert.Equal(("SG-2026-RISK_1", "DRAFT", "RISK_MITIGATION", "PERCENT"), ((string?)goal["code"], (string?)goal["status"], (string?)goal["theme"], (string?)goal["kpiUnit"]));
        Assert.Equal(("2026-01-01", "2027-12-31"), ((string?)goal["periodStart"], (string?)goal["periodEnd"]));
        Assert.Equal((40m, 20m, 40m), ((decimal)goal["baseline"]!, (decimal)goal["target"]!, (decimal)goal["current"]!));
        Assert.Equal(0.0, (double)goal["progress"]!);
        Assert.Empty(goal["categories"]!.AsArray());
        Assert.Matches("^[0-9a-f]{16}$", (string?)goal["version"]);
        Assert.Equal(2, api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        var id = api.Scalar("SELECT Id FROM StrategicGoals WHERE Code = 'SG-2026-RISK_1' AND Status = 1 AND CAST(Current AS REAL) = 40");
        Assert.Equal(Id("StrategicGoal", (int)id), (string?)goal["id"]);
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'createStrategicGoal' AND Action = 0 AND EntityType = 'StrategicGoal' "
            + $"AND EntityKey = '{id}' AND Roles = 'Procurement.Editor' AND Changes LIKE '%\"code\":{{\"before\":null,\"after\":\"SG-2026-RISK_1\"}}%' "
            + "AND Changes LIKE '%\"theme\":{\"before\":null,\"after\":\"RISK_MITIGATION\"}%' AND Changes LIKE '%\"ownerEmail\":{\"before\":null,\"after\":\"rosa.risk@example.com\"}%'"));
    }

    [Fact]
    public async Task Admin_creates_an_active_goal_with_a_measured_value_and_progress_follows()
    {
        // Arrange
        var input = NewGoal("SG-2026-ADMIN");
        (input["status"], input["current"], input["description"]) = ("ACTIVE", 30m, null);

        // Act
        var (_, body) = await api.CreateAs(Admin).PostGraphQLAsync(Create, new { input });

        // Assert
        var goal = body.Payload("createStrategicGoal")["strategicGoal"]!;
        Assert.Equal(("ACTIVE", null), ((string?)goal["status"], (string?)goal["description"]));
        Assert.Equal(0.5, (double)goal["progress"]!, 6);
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM StrategicGoals WHERE Code = 'SG-2026-ADMIN' AND Status = 2 AND Description IS NULL"));
    }

    [Fact]
    public async Task Values_that_do_not_fit_are_typed_errors_naming_the_field_and_nothing_is_written()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var bad = NewGoal("SG 2026");
        (bad["title"], bad["ownerName"], bad["ownerEmail"], bad["description"]) = (" ", new string('n', 201), "rosa@", new string('d', 2001));
        (bad["kpiName"], bad["baseline"], bad["target"], bad["current"]) = (new string('k', 200), 1.23456m, 100_000_000_000_000m, -100_000_000_000_000m);
        var period = NewGoal("SG-2026-PERIOD");
        period["periodEnd"] = "2025-12-31";
        var before = (api.Scalar("SELECT COUNT(*) FROM StrategicGoals"), api.Scalar("SELECT COUNT(*) FROM AuditEntries"));

        // Act
        var (_, values) = await editor.PostGraphQLAsync(Create, new { input = bad });
        var (_, order) = await editor.PostGraphQLAsync(Create, new { input = period });
        var (_, taken) = await editor.PostGraphQLAsync(Create, new { input = NewGoal("sg-2026-01") });
        var (enumResponse, enumBody) = await editor.PostGraphQLAsync(Create, new { input = new Dictionary<string, object?>(NewGoal("SG-2026-ENUM")) { ["kpiUnit"] = "LITRES" } });

        // Assert
        Assert.Equal(
            [("ValidationError", "code", "INVALID_FORMAT"), ("ValidationError", "title", "REQUIRED"), ("ValidationError", "ownerName", "TOO_LONG"),
             ("ValidationError", "ownerEmail", "INVALID_FORMAT"), ("ValidationError", "description", "TOO_LONG"), ("ValidationError", "baseline", "INVALID_FORMAT"),
             ("ValidationError", "target", "OUT_OF_RANGE"), ("ValidationError", "current", "OUT_OF_RANGE")],
            values.Payload("createStrategicGoal").Errors());
        Assert.Null(values.Payload("createStrategicGoal")["strategicGoal"]);
        Assert.Equal([("ValidationError", "periodEnd", "INVALID_VALUE")], order.Payload("createStrategicGoal").Errors());
        Assert.Equal([("ValidationError", "code", "DUPLICATE")], taken.Payload("createStrategicGoal").Errors());
        Assert.Equal(HttpStatusCode.OK, enumResponse.StatusCode);
        Assert.NotNull(enumBody["errors"]);
        Assert.Equal((before.Item1, before.Item2), (api.Scalar("SELECT COUNT(*) FROM StrategicGoals"), api.Scalar("SELECT COUNT(*) FROM AuditEntries")));
    }

    [Fact]
    public async Task Editor_updates_only_the_fields_given_at_the_version_read_and_a_stale_version_is_a_conflict()
    {
        // Arrange: goal 4 has baseline 18, target 8, current 12.5
        var editor = api.CreateAs(Editor);
        var goal = await Read(editor, 4);
        var input = new Dictionary<string, object?>
        {
            ["id"] = Id("StrategicGoal", 4), ["expectedVersion"] = (string)goal["version"]!, ["title"] = "Halve high-risk exposure",
            ["description"] = null, ["target"] = 13m, ["status"] = "AT_RISK",
        };
        api.Sql.Reset();

        // Act
        var (_, first) = await editor.PostGraphQLAsync(Update, new { input });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var (_, stale) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("StrategicGoal", 4), expectedVersion = (string)goal["version"]!, title = "Stale" } });
        var (_, unknown) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("StrategicGoal", 999999), expectedVersion = "x", title = "Nobody" } });
        var (_, wrongType) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Category", 4), expectedVersion = "x", title = "Nobody" } });

        // Assert
        var updated = first.Payload("updateStrategicGoal")["strategicGoal"]!;
        Assert.Equal(("Halve high-risk exposure", null, "AT_RISK"), ((string?)updated["title"], (string?)updated["description"], (string?)updated["status"]));
        foreach (var kept in new[] { "code", "ownerName", "ownerEmail", "kpiName", "kpiUnit", "theme", "periodStart", "periodEnd" })
        {
            Assert.Equal((string?)goal[kept], (string?)updated[kept]);
        }

        Assert.Equal((18m, 13m, 12.5m), ((decimal)updated["baseline"]!, (decimal)updated["target"]!, (decimal)updated["current"]!));
        Assert.Equal(1.0, (double)updated["progress"]!, 6);
        Assert.NotEqual((string?)goal["version"], (string?)updated["version"]);
        Assert.Equal(3, statements);
        var conflict = stale.Payload("updateStrategicGoal")["errors"]![0]!;
        Assert.Equal(("ConcurrencyConflictError", (string?)updated["version"]), ((string?)conflict["__typename"], (string?)conflict["currentVersion"]));
        Assert.Null(stale.Payload("updateStrategicGoal")["strategicGoal"]);
        Assert.Equal([("NotFoundError", "id", null)], unknown.Payload("updateStrategicGoal").Errors());
        Assert.Equal([("NotFoundError", "id", null)], wrongType.Payload("updateStrategicGoal").Errors());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM StrategicGoals WHERE Id = 4 AND Title = 'Halve high-risk exposure' AND Description IS NULL AND Status = 3 AND CAST(Target AS REAL) = 13"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'updateStrategicGoal' AND Action = 1 AND EntityType = 'StrategicGoal' AND EntityKey = '4' "
            + "AND Changes LIKE '%\"title\":{\"before\":\"Reduce exposure to high-risk suppliers\",\"after\":\"Halve high-risk exposure\"}%' "
            + "AND Changes LIKE '%\"description\":{\"before\":\"%\",\"after\":null}%' AND Changes LIKE '%\"status\":{\"before\":\"ACTIVE\",\"after\":\"AT_RISK\"}%' "
            + "AND Changes NOT LIKE '%ownerName%' AND Changes NOT LIKE '%Stale%'"));
    }

    [Fact]
    public async Task Required_fields_given_as_null_a_period_out_of_order_and_a_taken_code_are_typed_errors()
    {
        // Arrange: goal 5 runs 2026-01-01..2027-12-31
        var editor = api.CreateAs(Editor);
        var version = (string)(await Read(editor, 5))["version"]!;
        var id = Id("StrategicGoal", 5);
        var audits = api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'StrategicGoal' AND EntityKey = '5'");

        // Act
        var (_, nulls) = await editor.PostGraphQLAsync(Update, new { input = new Dictionary<string, object?> { ["id"] = id, ["expectedVersion"] = version, ["title"] = null, ["theme"] = null, ["baseline"] = null } });
        var (_, start) = await editor.PostGraphQLAsync(Update, new { input = new { id, expectedVersion = version, periodStart = "2028-01-01" } });
        var (_, end) = await editor.PostGraphQLAsync(Update, new { input = new { id, expectedVersion = version, periodStart = "2026-06-01", periodEnd = "2026-05-31" } });
        var (_, taken) = await editor.PostGraphQLAsync(Update, new { input = new { id, expectedVersion = version, code = "SG-2026-06" } });
        var (_, renamed) = await editor.PostGraphQLAsync(Update, new { input = new { id, expectedVersion = version, code = "sg-2026-05b", periodEnd = "2028-12-31" } });

        // Assert
        Assert.Equal([("ValidationError", "title", "REQUIRED"), ("ValidationError", "theme", "REQUIRED"), ("ValidationError", "baseline", "REQUIRED")], nulls.Payload("updateStrategicGoal").Errors());
        Assert.Equal([("ValidationError", "periodStart", "INVALID_VALUE")], start.Payload("updateStrategicGoal").Errors());
        Assert.Equal([("ValidationError", "periodEnd", "INVALID_VALUE")], end.Payload("updateStrategicGoal").Errors());
        Assert.Equal([("ValidationError", "code", "DUPLICATE")], taken.Payload("updateStrategicGoal").Errors());
        var goal = renamed.Payload("updateStrategicGoal")["strategicGoal"]!;
        Assert.Equal(("SG-2026-05B", "2026-01-01", "2028-12-31"), ((string?)goal["code"], (string?)goal["periodStart"], (string?)goal["periodEnd"]));
        Assert.Equal(audits + 1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'StrategicGoal' AND EntityKey = '5'"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM StrategicGoals WHERE Code = 'SG-2026-06' AND Id = 6"));
    }

    [Theory]
    [MemberData(nameof(NonEditors), MemberType = typeof(Writes))]
    public async Task Readers_partners_and_raters_cannot_create_or_update_goals(string role)
    {
        // Arrange
        var version = (string)(await Read(api.CreateAs(Editor), 7))["version"]!;
        var create = new { input = NewGoal("SG-2026-NOPE") };
        var update = new { input = new { id = Id("StrategicGoal", 7), expectedVersion = version, title = "Nope" } };

        // Act
        var client = api.CreateCaller(role);
        var refusals = new List<string?>
        {
            (await client.PostGraphQLAsync(Create, create)).Body.ErrorCode(),
            (await client.PostGraphQLAsync(Update, update)).Body.ErrorCode(),
        };

        // Assert
        Assert.All(refusals, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM StrategicGoals WHERE Code = 'SG-2026-NOPE' OR Title = 'Nope'"));
    }

    private static async Task<JsonNode> Read(HttpClient client, int id)
    {
        var (_, body) = await client.PostGraphQLAsync($"query($id: ID!) {{ node(id: $id) {{ ... on StrategicGoal {{ {Goal} }} }} }}", new { id = Id("StrategicGoal", id) });
        return body["data"]?["node"] ?? throw new InvalidOperationException($"No goal {id}: {body.ToJsonString()}");
    }
}
