using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProcurementGraph.Api.Data.Rollups;
using ProcurementGraph.Api.Tests.TestKit;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The SQL Server side of the analytics rollup triggers (AnalyticsRollupSql), checked offline as RollupSqlTests does: each trigger
/// and each backfill statement parses with ScriptDom, each trigger is alone in its batch (also inside EXEC), and the text is as
/// reviewed (snapshot). The SQLite side runs in every integration test and is compared with an oracle in DerivedFigureTests.
/// </summary>
public sealed class AnalyticsRollupSqlTests
{
    private static readonly string[] Columns = ["ContractCount", "AnnualValueCents", "AnnualSavingsCents", "RatingCount", "QualitySum", "OverallSum", "CostValueSum"];

    [Fact]
    public void SqlServer_triggers_parse_and_each_is_one_create_trigger_batch()
    {
        var triggers = AnalyticsRollupSql.SqlServerCreate();

        Assert.Equal(2, triggers.Count);
        Assert.All(triggers, sql =>
        {
            Assert.Empty(TSql.Parse(sql));
            Assert.Empty(TSql.Parse(RollupSql.Exec(sql)));
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(sql);
            var batch = Assert.Single(((TSqlScript)parser.Parse(reader, out _)).Batches);
            Assert.IsType<CreateTriggerStatement>(Assert.Single(batch.Statements));
            Assert.Contains("SET NOCOUNT ON;", sql, StringComparison.Ordinal);
        });
        var text = new JsonArray([.. triggers.Select(sql => (JsonNode)new JsonArray([.. sql.Split('\n').Select(line => (JsonNode)line.TrimEnd())]))]);
        Snapshot.Match(text.ToSnapshotJson());
    }

    [Fact]
    public void SqlServer_rebuild_and_drop_parse()
    {
        Assert.All(AnalyticsRollupSql.Rebuild().Concat(AnalyticsRollupSql.SqlServerDrop()), sql => Assert.Empty(TSql.Parse(sql)));
    }

    [Fact]
    public void Counts_and_sums_are_adjusted_relatively_never_read_then_written()
    {
        // Every count and sum column changes as `x = x + delta` (or `- delta`) in one statement under the row's lock. Only the
        // latest day is set from a value read (the maximum over the base rows, in the same statement).
        foreach (var sql in AnalyticsRollupSql.SqlServerCreate().Concat(AnalyticsRollupSql.SqliteCreate()))
        {
            foreach (var column in Columns)
            {
                var sets = Regex.Matches(sql, $@"(?:SET |, )(?:t\.)?\[?""?{column}""?\]? = ([^,;\n]+)");
                Assert.All(sets, set => Assert.Matches($@"^(t\.)?\[?""?{column}""?\]? [+-] ", set.Groups[1].Value));
            }
        }
    }
}
