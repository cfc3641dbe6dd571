using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProcurementGraph.Api.Data.Performance;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The rollup migration's T-SQL (tables, backfill, the statement triggers with MERGE, the views) parsed offline by ScriptDom,
/// each statement its own batch as SQL Server requires for CREATE VIEW and CREATE TRIGGER. The SQLite side runs in every
/// integration test (the test databases are migrated).
/// </summary>
public sealed class PerformanceSqlTests
{
    public static TheoryData<int> SqlServerStatements() => [.. Enumerable.Range(0, PerformanceSql.SqlServerStatements.Count)];

    [Theory]
    [MemberData(nameof(SqlServerStatements))]
    public void Each_sql_server_statement_of_the_migration_parses_as_one_batch(int index)
    {
        var sql = PerformanceSql.SqlServerStatements[index];

        Assert.Empty(TSql.Parse(sql));
        Assert.Empty(TSql.SubqueriesInAggregatesOrGroupBy(sql));
    }

    [Fact]
    public void The_triggers_merge_under_holdlock_from_inserted_and_deleted_and_the_views_are_created()
    {
        var triggers = PerformanceSql.SqlServerStatements.Where(s => s.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)).ToList();
        var views = PerformanceSql.SqlServerStatements.Where(s => s.StartsWith("CREATE VIEW", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, triggers.Count);
        Assert.All(triggers, t => Assert.Contains("WITH (HOLDLOCK)", t, StringComparison.Ordinal));
        Assert.All(triggers, t => Assert.Contains("FROM inserted", t, StringComparison.Ordinal));
        Assert.All(triggers, t => Assert.Contains("FROM deleted", t, StringComparison.Ordinal));
        Assert.Contains(triggers, t => t.Contains($"[{PerformanceSql.SqlServerRatingTrigger}] ON [StakeholderRatings]", StringComparison.Ordinal));
        Assert.Contains(triggers, t => t.Contains($"[{PerformanceSql.SqlServerContractTrigger}] ON [Contracts]", StringComparison.Ordinal));
        Assert.Equal(2, triggers.Single(t => t.Contains("ON [Contracts]", StringComparison.Ordinal)).Split("MERGE ").Length - 1);
        Assert.Equal(["CategoryPerformance", "BusinessUnitPerformance"], views.Select(v => v.Split('[', ']')[1]));
        Assert.All(PerformanceSql.SqlServerDown, sql => Assert.Empty(TSql.Parse(sql)));
        Assert.All(PerformanceSql.SqlServerUp, sql => Assert.Empty(TSql.Parse(sql)));
        Assert.Equal(4, PerformanceSql.SqlServerUp.Count(sql => sql.StartsWith("EXEC(N'CREATE ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_trigger_is_a_create_trigger_statement_with_two_merges_for_contracts()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(PerformanceSql.SqlServerStatements.Single(s => s.Contains("ON [Contracts] AFTER", StringComparison.Ordinal)));
        var script = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.Empty(errors);
        var trigger = Assert.IsType<CreateTriggerStatement>(Assert.Single(Assert.Single(script.Batches).Statements));
        var merges = new List<MergeStatement>();
        trigger.Accept(new MergeCollector(merges));
        Assert.Equal(2, merges.Count);
    }

    private sealed class MergeCollector(List<MergeStatement> found) : TSqlFragmentVisitor
    {
        public override void Visit(MergeStatement node) => found.Add(node);
    }
}
