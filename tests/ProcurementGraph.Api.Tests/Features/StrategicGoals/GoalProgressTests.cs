using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.StrategicGoals;

/// <summary>recordGoalProgress through HTTP: the derived progress follows at once; values that do not fit are typed errors.</summary>
public sealed class GoalProgressTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Record = """
        mutation Record($input: RecordGoalProgressInput!) {
          recordGoalProgress(input: $input) {
            strategicGoal { current progress version }
            errors { __typename ... on ValidationError { field code } ... on ConcurrencyConflictError { currentVersion } }
          }
        }
        """;

    [Fact]
    public async Task Progress_follows_the_recorded_value_and_bad_values_are_refused()
    {
        // Arrange: goal 1 has baseline 0 and target 12,000,000
        var editor = api.CreateAs(Editor);
        var version = (string)(await editor.PostGraphQLAsync("{ g: node(id: \"" + Id("StrategicGoal", 1) + "\") { ... on StrategicGoal { version } } }")).Body["data"]!["g"]!["version"]!;
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Record, new { input = new { id = Id("StrategicGoal", 1), expectedVersion = version, current = 9000000m } });
        var statements = api.Sql.Commands;
        var (_, bad) = await editor.PostGraphQLAsync(Record, new { input = new { id = Id("StrategicGoal", 1), expectedVersion = version, current = 1.23456m } });
        var (_, reader) = await api.CreateAs(Reader).PostGraphQLAsync(Record, new { input = new { id = Id("StrategicGoal", 1), expectedVersion = version, current = 1m } });

        // Assert
        var goal = body.Payload("recordGoalProgress")["strategicGoal"]!;
        Assert.Equal(9000000m, (decimal)goal["current"]!);
        Assert.Equal(0.75, (double)goal["progress"]!, 6);
        Assert.Equal(3, statements.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Equal([("ValidationError", "current", "INVALID_FORMAT")], bad.Payload("recordGoalProgress").Errors());
        Assert.Equal("AUTH_NOT_AUTHORIZED", reader.ErrorCode());
    }
}
