using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.StrategicGoals;

/// <summary>linkGoalToCategory and unlinkGoalFromCategory through HTTP.</summary>
public sealed class GoalCategoryLinkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Errors = "errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } }";

    private const string Link = $$"""
        mutation Link($input: LinkGoalToCategoryInput!) {
          linkGoalToCategory(input: $input) { strategicGoal { id version categories { weight category { id code } } } {{Errors}} }
        }
        """;

    private const string Unlink = $$"""
        mutation Unlink($input: UnlinkGoalFromCategoryInput!) {
          unlinkGoalFromCategory(input: $input) { strategicGoal { id categories { category { id } } } {{Errors}} }
        }
        """;

    [Fact]
    public async Task Editor_links_a_category_in_three_statements_and_an_audit_insert_and_both_sides_show_it()
    {
        // Arrange: goal 1 is pursued through categories 2, 17, 18 and 25 in the seed
        var (goal, category) = (1, Unlinked(1, 0));
        var editor = api.CreateAs(Editor);
        var before = (string?)(await editor.PostGraphQLAsync("{ g: strategicGoal(code: \"SG-2026-01\") { version } }")).Body["data"]!["g"]!["version"];
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Link, new { input = new { goalId = Id("StrategicGoal", goal), categoryId = Id("Category", category), weight = 0.25m } });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var (_, other) = await editor.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on Category { goals { weight goal { code } } } } }", new { id = Id("Category", category) });

        // Assert
        var payload = body.Payload("linkGoalToCategory");
        Assert.Null(payload["errors"]);
        var links = payload["strategicGoal"]!["categories"]!.AsArray();
        Assert.Equal(5, links.Count);
        Assert.Equal(0.25m, (decimal)links.Single(l => (string?)l!["category"]!["id"] == Id("Category", category))!["weight"]!);
        Assert.Equal(before, (string?)payload["strategicGoal"]!["version"]);
        Assert.Equal(3, statements);
        Assert.Contains(other["data"]!["node"]!["goals"]!.AsArray(), l => (string?)l!["goal"]!["code"] == "SG-2026-01" && (decimal)l["weight"]! == 0.25m);
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM GoalCategories WHERE GoalId = {goal} AND CategoryId = {category} AND CAST(Weight AS REAL) = 0.25"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'linkGoalToCategory' AND Action = 0 AND EntityType = 'GoalCategory' AND EntityKey = '{goal},{category}' "
            + "AND Changes LIKE '%\"weight\":{\"before\":null,\"after\":0.25}%' AND Roles = 'Procurement.Editor'"));
    }

    [Fact]
    public async Task A_category_linked_already_is_a_duplicate_and_nothing_is_written()
    {
        // Arrange
        var category = Linked(2, 0);
        var weight = api.Scalar($"SELECT CAST(ROUND(Weight * 10000) AS INTEGER) FROM GoalCategories WHERE GoalId = 2 AND CategoryId = {category}");

        // Act
        var (_, body) = await api.CreateAs(Editor).PostGraphQLAsync(Link, new { input = new { goalId = Id("StrategicGoal", 2), categoryId = Id("Category", category), weight = 0.5m } });

        // Assert
        var payload = body.Payload("linkGoalToCategory");
        Assert.Null(payload["strategicGoal"]);
        Assert.Equal([("ValidationError", "categoryId", "DUPLICATE")], payload.Errors());
        Assert.Equal(weight, api.Scalar($"SELECT CAST(ROUND(Weight * 10000) AS INTEGER) FROM GoalCategories WHERE GoalId = 2 AND CategoryId = {category}"));
        Assert.Equal(0, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'linkGoalToCategory' AND EntityKey = '2,{category}'"));
    }

    [Fact]
    public async Task Weights_outside_zero_to_one_or_with_more_than_four_decimals_are_refused_and_one_is_accepted()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var category = Unlinked(3, 0);
        object Input(decimal weight) => new { input = new { goalId = Id("StrategicGoal", 3), categoryId = Id("Category", category), weight } };

        // Act
        var refused = new List<(string Type, string? Field, string? Code)>();
        foreach (var weight in new[] { 0m, -0.1m, 1.0001m, 1.5m, 0.12345m })
        {
            refused.AddRange((await editor.PostGraphQLAsync(Link, Input(weight))).Body.Payload("linkGoalToCategory").Errors());
        }

        var (_, whole) = await editor.PostGraphQLAsync(Link, Input(1m));

        // Assert
        Assert.Equal(
            [("ValidationError", "weight", "OUT_OF_RANGE"), ("ValidationError", "weight", "OUT_OF_RANGE"), ("ValidationError", "weight", "OUT_OF_RANGE"),
             ("ValidationError", "weight", "OUT_OF_RANGE"), ("ValidationError", "weight", "INVALID_FORMAT")],
            refused);
        Assert.Null(whole.Payload("linkGoalToCategory")["errors"]);
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM GoalCategories WHERE GoalId = 3 AND CategoryId = {category} AND CAST(Weight AS REAL) = 1"));
    }

    [Fact]
    public async Task Unknown_references_are_not_found()
    {
        // Act
        var editor = api.CreateAs(Editor);
        var (_, goal) = await editor.PostGraphQLAsync(Link, new { input = new { goalId = Id("StrategicGoal", 999999), categoryId = Id("Category", 1), weight = 0.5m } });
        var (_, category) = await editor.PostGraphQLAsync(Unlink, new { input = new { goalId = Id("StrategicGoal", 1), categoryId = Id("Category", 999999) } });
        var (_, wrongType) = await editor.PostGraphQLAsync(Link, new { input = new { goalId = Id("StrategicGoal", 1), categoryId = Id("Supplier", 1), weight = 0.5m } });
        var (_, malformed) = await editor.PostGraphQLAsync(Link, new { input = new { goalId = "not an id", categoryId = Id("Category", 1), weight = 0.5m } });

        // Assert
        Assert.Equal([("NotFoundError", "goalId", null)], goal.Payload("linkGoalToCategory").Errors());
        Assert.Equal([("NotFoundError", "categoryId", null)], category.Payload("unlinkGoalFromCategory").Errors());
        Assert.Equal([("NotFoundError", "categoryId", null)], wrongType.Payload("linkGoalToCategory").Errors());
        Assert.Equal([("ValidationError", "goalId", "INVALID_FORMAT")], malformed.Payload("linkGoalToCategory").Errors());
    }

    [Fact]
    public async Task Editor_unlinks_a_category_and_unlinking_it_again_is_a_typed_error()
    {
        // Arrange
        var category = Linked(6, 1);
        var weight = api.Scalar($"SELECT CAST(ROUND(Weight * 10000) AS INTEGER) FROM GoalCategories WHERE GoalId = 6 AND CategoryId = {category}");
        var editor = api.CreateAs(Editor);
        var input = new { goalId = Id("StrategicGoal", 6), categoryId = Id("Category", category) };
        api.Sql.Reset();

        // Act
        var (_, first) = await editor.PostGraphQLAsync(Unlink, new { input });
        var statements = api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        var (_, again) = await editor.PostGraphQLAsync(Unlink, new { input });

        // Assert
        var goal = first.Payload("unlinkGoalFromCategory")["strategicGoal"]!;
        Assert.DoesNotContain(goal["categories"]!.AsArray(), l => (string?)l!["category"]!["id"] == Id("Category", category));
        Assert.Equal(3, statements);
        Assert.Equal(0, api.Scalar($"SELECT COUNT(*) FROM GoalCategories WHERE GoalId = 6 AND CategoryId = {category}"));
        var before = (weight / 10000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'unlinkGoalFromCategory' AND Action = 2 AND EntityKey = '6,{category}' "
            + $"AND Changes LIKE '%\"weight\":{{\"before\":{before},\"after\":null}}%'"));
        Assert.Equal([("ValidationError", "categoryId", "NOT_LINKED")], again.Payload("unlinkGoalFromCategory").Errors());
        Assert.Null(again.Payload("unlinkGoalFromCategory")["strategicGoal"]);
    }

    [Theory]
    [MemberData(nameof(NonEditors), MemberType = typeof(Writes))]
    public async Task Readers_partners_and_raters_cannot_link_or_unlink(string role)
    {
        // Arrange
        var (linked, unlinked) = (Linked(8, 0), Unlinked(8, 0));
        var link = new { input = new { goalId = Id("StrategicGoal", 8), categoryId = Id("Category", unlinked), weight = 0.1m } };
        var unlink = new { input = new { goalId = Id("StrategicGoal", 8), categoryId = Id("Category", linked) } };

        // Act
        var client = api.CreateCaller(role);
        var refusals = new List<string?>
        {
            (await client.PostGraphQLAsync(Link, link)).Body.ErrorCode(),
            (await client.PostGraphQLAsync(Unlink, unlink)).Body.ErrorCode(),
        };

        // Assert
        Assert.All(refusals, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.Equal(0, api.Scalar($"SELECT COUNT(*) FROM GoalCategories WHERE GoalId = 8 AND CategoryId = {unlinked}"));
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM GoalCategories WHERE GoalId = 8 AND CategoryId = {linked}"));
    }

    /// <summary>The <paramref name="skip"/>-th category (by ID) the goal is pursued through in the seed.</summary>
    private int Linked(int goal, int skip) =>
        (int)api.Scalar($"SELECT CategoryId FROM GoalCategories WHERE GoalId = {goal} ORDER BY CategoryId LIMIT 1 OFFSET {skip}");

    /// <summary>The <paramref name="skip"/>-th category (by ID) the goal is not pursued through.</summary>
    private int Unlinked(int goal, int skip) =>
        (int)api.Scalar($"SELECT Id FROM Categories WHERE Id NOT IN (SELECT CategoryId FROM GoalCategories WHERE GoalId = {goal}) ORDER BY Id LIMIT 1 OFFSET {skip}");
}
