using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.BusinessUnits;

/// <summary>
/// setValueDrivers through HTTP (Admin): a business unit's value drivers replaced as a whole at the version read, in three
/// statements besides the audit insert; weights, duplicates and list size are typed errors naming the field; ratings' derived
/// score follows at once.
/// </summary>
public sealed class SetValueDriversTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Set = """
        mutation Set($input: SetValueDriversInput!) {
          setValueDrivers(input: $input) {
            businessUnit { id code version valueDrivers { driver weight position } }
            errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } ... on ConcurrencyConflictError { currentVersion } }
          }
        }
        """;

    private static object Driver(string driver, decimal weight) => new { driver, weight };

    [Fact]
    public async Task Admin_replaces_the_drivers_in_three_statements_and_the_audit_records_the_set_before_and_after()
    {
        // Arrange: unit 1 (MFG-EU) values five drivers
        var admin = api.CreateAs(Admin);
        var (version, before) = await ReadAsync(admin, 1);
        Assert.Equal(5, before.Count);
        api.Sql.Reset();

        // Act: three drivers, in a new order (COST moves to the front, two drivers are dropped)
        var (_, body) = await admin.PostGraphQLAsync(Set, new
        {
            input = new { businessUnitId = Id("BusinessUnit", 1), expectedVersion = version, drivers = new[] { Driver("COST", 0.5m), Driver("QUALITY", 0.3333m), Driver("DELIVERY", 0.1667m) } },
        });
        var statements = api.Sql.Commands;

        // Assert: the payload's unit, at a new version
        var payload = body.Payload("setValueDrivers");
        Assert.Null(payload["errors"]);
        var unit = payload["businessUnit"]!;
        Assert.Equal("MFG-EU", (string?)unit["code"]);
        Assert.Equal(
            [("COST", 0.5m, 0), ("QUALITY", 0.3333m, 1), ("DELIVERY", 0.1667m, 2)],
            unit["valueDrivers"]!.AsArray().Select(d => ((string)d!["driver"]!, (decimal)d["weight"]!, (int)d["position"]!)).ToList());
        Assert.NotEqual(version, (string?)unit["version"]);
        Assert.Matches("^[0-9a-f]{16}$", (string)unit["version"]!);

        // one statement to load the unit with its drivers, one command to replace them at the version, one to read back; the audit insert
        Assert.Equal(3, statements.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Single(statements, s => s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var write = Assert.Single(statements, s => s.StartsWith("DELETE FROM \"ValueDrivers\"", StringComparison.Ordinal));
        Assert.Contains("UPDATE \"BusinessUnits\" SET \"Version\" = @", write, StringComparison.Ordinal);
        Assert.Contains("AND \"Version\" = @", write, StringComparison.Ordinal);
        Assert.Equal(3, api.Scalar("SELECT COUNT(*) FROM ValueDrivers WHERE BusinessUnitId = 1"));

        // the audit row holds the whole set before and after
        var (_, trail) = await admin.PostGraphQLAsync("""
            { auditEntries(first: 5, where: { entityType: { eq: "BusinessUnit" }, entityKey: { eq: "1" } }) { totalCount nodes { operation action entityId changes } } }
            """);
        var entries = trail["data"]!["auditEntries"]!;
        Assert.Equal(1, (int)entries["totalCount"]!);
        var entry = entries["nodes"]![0]!;
        Assert.Equal(("setValueDrivers", "UPDATED", Id("BusinessUnit", 1)), ((string?)entry["operation"], (string?)entry["action"], (string?)entry["entityId"]));
        var changes = JsonNode.Parse((string)entry["changes"]!)!;
        Assert.Single(changes.AsObject());
        Assert.Equal(
            before.Select(d => (d.Driver, d.Weight, d.Position)).ToList(),
            changes["valueDrivers"]!["before"]!.AsArray().Select(d => ((string)d!["driver"]!, (decimal)d["weight"]!, (int)d["position"]!)).ToList());
        Assert.Equal(
            [("COST", 0.5m, 0), ("QUALITY", 0.3333m, 1), ("DELIVERY", 0.1667m, 2)],
            changes["valueDrivers"]!["after"]!.AsArray().Select(d => ((string)d!["driver"]!, (decimal)d["weight"]!, (int)d["position"]!)).ToList());
    }

    [Fact]
    public async Task Ratings_value_weighted_score_follows_the_new_drivers_at_once()
    {
        // Arrange: unit 2 (MFG-NA)
        var admin = api.CreateAs(Admin);
        var (version, _) = await ReadAsync(admin, 2);

        // Act: only innovation counts now
        var (_, body) = await admin.PostGraphQLAsync(Set, new
        {
            input = new { businessUnitId = Id("BusinessUnit", 2), expectedVersion = version, drivers = new[] { Driver("INNOVATION", 1m) } },
        });
        var (_, ratings) = await admin.PostGraphQLAsync("""{ businessUnit(code: "MFG-NA") { ratings(first: 20) { nodes { innovation valueWeightedScore } } } }""");

        // Assert
        Assert.Null(body.Payload("setValueDrivers")["errors"]);
        var nodes = ratings["data"]!["businessUnit"]!["ratings"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, r => Assert.Equal((double)(int)r!["innovation"]!, (double)r["valueWeightedScore"]!, 6));
    }

    [Fact]
    public async Task Weights_duplicates_and_list_size_are_validation_errors_naming_the_field_and_nothing_is_written()
    {
        // Arrange: unit 3 (RND)
        var admin = api.CreateAs(Admin);
        var (version, before) = await ReadAsync(admin, 3);
        var audits = api.Scalar("SELECT COUNT(*) FROM AuditEntries");

        async Task<List<(string Type, string? Field, string? Code)>> ErrorsOf(params object[] drivers) =>
            (await admin.PostGraphQLAsync(Set, new { input = new { businessUnitId = Id("BusinessUnit", 3), expectedVersion = version, drivers } })).Body
                .Payload("setValueDrivers").Errors();

        // Act and assert
        Assert.Equal([("ValidationError", "drivers", "INVALID_VALUE")], await ErrorsOf(Driver("QUALITY", 0.5m), Driver("COST", 0.4999m)));
        Assert.Equal([("ValidationError", "drivers", "INVALID_VALUE")], await ErrorsOf(Driver("QUALITY", 0.6m), Driver("COST", 0.4001m)));
        Assert.Equal([("ValidationError", "drivers[1].weight", "OUT_OF_RANGE")], await ErrorsOf(Driver("QUALITY", 1m), Driver("COST", 0m)));
        Assert.Equal(
            [("ValidationError", "drivers[0].weight", "OUT_OF_RANGE"), ("ValidationError", "drivers[1].weight", "OUT_OF_RANGE")],
            await ErrorsOf(Driver("QUALITY", 1.5m), Driver("COST", -0.5m), Driver("DELIVERY", 0.5m)));
        Assert.Equal(
            [("ValidationError", "drivers[0].weight", "INVALID_FORMAT"), ("ValidationError", "drivers[1].weight", "INVALID_FORMAT")],
            await ErrorsOf(Driver("QUALITY", 0.12345m), Driver("COST", 0.87655m)));
        Assert.Equal([("ValidationError", "drivers[2].driver", "DUPLICATE")], await ErrorsOf(Driver("QUALITY", 0.5m), Driver("COST", 0.25m), Driver("QUALITY", 0.25m)));
        Assert.Equal([("ValidationError", "drivers", "REQUIRED")], await ErrorsOf());
        Assert.Equal(
            [("ValidationError", "drivers", "TOO_MANY")],
            await ErrorsOf(Driver("QUALITY", 0.2m), Driver("COST", 0.2m), Driver("DELIVERY", 0.2m), Driver("INNOVATION", 0.2m), Driver("RESPONSIVENESS", 0.1m), Driver("QUALITY", 0.1m)));
        var (after, stored) = await ReadAsync(admin, 3);
        Assert.Equal(version, after);
        Assert.Equal(before, stored);
        Assert.Equal(audits, api.Scalar("SELECT COUNT(*) FROM AuditEntries"));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_with_the_current_version_and_parallel_writers_have_one_winner()
    {
        // Arrange: unit 4 (SALES-EMEA)
        var admin = api.CreateAs(Admin);
        var (version, before) = await ReadAsync(admin, 4);
        var drivers = new[] { Driver("RESPONSIVENESS", 0.6m), Driver("QUALITY", 0.4m) };

        // Act: ten admins with the same expectedVersion at once, then one more with the version all of them read
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var (_, body) = await api.CreateAs(Admin).PostGraphQLAsync(Set, new
            {
                input = new { businessUnitId = Id("BusinessUnit", 4), expectedVersion = version, drivers = new[] { Driver("RESPONSIVENESS", 0.5m + (i / 100m)), Driver("QUALITY", 0.5m - (i / 100m)) } },
            });
            return body.Payload("setValueDrivers");
        }));
        var (_, stale) = await admin.PostGraphQLAsync(Set, new { input = new { businessUnitId = Id("BusinessUnit", 4), expectedVersion = version, drivers } });

        // Assert
        var winner = Assert.Single(answers, a => a["errors"] is null);
        var current = (string)winner["businessUnit"]!["version"]!;
        Assert.All(answers.Where(a => a != winner), a => Assert.Equal(("ConcurrencyConflictError", current), ((string)a["errors"]![0]!["__typename"]!, (string?)a["errors"]![0]!["currentVersion"])));
        var conflict = stale.Payload("setValueDrivers");
        Assert.Null(conflict["businessUnit"]);
        Assert.Equal(current, (string?)conflict["errors"]![0]!["currentVersion"]);
        var (stored, storedDrivers) = await ReadAsync(admin, 4);
        Assert.Equal(current, stored);
        Assert.NotEqual(before, storedDrivers);
        Assert.Equal(
            winner["businessUnit"]!["valueDrivers"]!.AsArray().Select(d => ((string)d!["driver"]!, (decimal)d["weight"]!, (int)d["position"]!)).ToList(),
            storedDrivers.Select(d => (d.Driver, d.Weight, d.Position)).ToList());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'BusinessUnit' AND EntityKey = '4'"));
    }

    [Fact]
    public async Task The_same_set_again_writes_nothing_and_keeps_the_version()
    {
        // Arrange: unit 6 (HR)
        var admin = api.CreateAs(Admin);
        var (version, before) = await ReadAsync(admin, 6);

        // Act
        var (_, body) = await admin.PostGraphQLAsync(Set, new
        {
            input = new { businessUnitId = Id("BusinessUnit", 6), expectedVersion = version, drivers = before.Select(d => Driver(d.Driver, d.Weight)).ToArray() },
        });

        // Assert
        var unit = body.Payload("setValueDrivers")["businessUnit"]!;
        Assert.Equal(version, (string?)unit["version"]);
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'BusinessUnit' AND EntityKey = '6'"));
    }

    [Fact]
    public async Task Unknown_units_are_not_found_and_only_admin_may_set_drivers()
    {
        // Arrange
        var (version, _) = await ReadAsync(api.CreateAs(Admin), 7);
        object Input(string id) => new { input = new { businessUnitId = id, expectedVersion = version, drivers = new[] { Driver("COST", 1m) } } };

        // Act
        var (_, unknown) = await api.CreateAs(Admin).PostGraphQLAsync(Set, Input(Id("BusinessUnit", 99999)));
        var (_, otherType) = await api.CreateAs(Admin).PostGraphQLAsync(Set, Input(Id("Supplier", 7)));
        var refused = new List<string?>();
        foreach (var role in new[] { Editor, Reader, Partner })
        {
            refused.Add((await api.CreateAs(role).PostGraphQLAsync(Set, Input(Id("BusinessUnit", 7)))).Body.ErrorCode());
        }

        refused.Add((await api.CreateRater("FIN").PostGraphQLAsync(Set, Input(Id("BusinessUnit", 7)))).Body.ErrorCode());

        // Assert
        Assert.Equal([("NotFoundError", "businessUnitId", null)], unknown.Payload("setValueDrivers").Errors());
        Assert.Equal([("NotFoundError", "businessUnitId", null)], otherType.Payload("setValueDrivers").Errors());
        Assert.All(refused, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.Equal(0, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'BusinessUnit' AND EntityKey = '7'"));
    }

    private static async Task<(string Version, List<(string Driver, decimal Weight, int Position)> Drivers)> ReadAsync(HttpClient client, int unit)
    {
        var (_, body) = await client.PostGraphQLAsync("{ u: node(id: \"" + Id("BusinessUnit", unit) + "\") { ... on BusinessUnit { version valueDrivers { driver weight position } } } }");
        var node = body["data"]!["u"]!;
        return ((string)node["version"]!, [.. node["valueDrivers"]!.AsArray().Select(d => ((string)d!["driver"]!, (decimal)d["weight"]!, (int)d["position"]!))]);
    }
}
