using System.Text.Json.Nodes;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProcurementGraph.Api.Data.Rollups;
using ProcurementGraph.Api.Tests.TestKit;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The SQL Server side of the rollup triggers (RollupSql), checked offline: each trigger and each backfill statement parses
/// with ScriptDom, each trigger is alone in its batch (CREATE TRIGGER must be) also when the migration wraps it in EXEC, and the
/// text is as reviewed (snapshot). The SQLite side runs in every integration test (the migrations create it) and is compared
/// with an oracle in DerivedFigureTests.
/// </summary>
public sealed class RollupSqlTests
{
    [Fact]
    public void SqlServer_triggers_parse_and_each_is_one_create_trigger_batch()
    {
        var triggers = RollupSql.SqlServerCreate();

        Assert.Equal(3, triggers.Count);
        Assert.All(triggers, sql =>
        {
            Assert.Empty(TSql.Parse(sql));
            Assert.Empty(TSql.Parse(RollupSql.Exec(sql)));
            var batch = Assert.Single(Batches(sql));
            Assert.IsType<CreateTriggerStatement>(Assert.Single(batch.Statements));
            Assert.Contains("SET NOCOUNT ON;", sql, StringComparison.Ordinal); // the writer's row count stays its own (EF Core checks it)
        });
        var text = new JsonArray([.. triggers.Select(sql => (JsonNode)new JsonArray([.. sql.Split('\n').Select(line => (JsonNode)line.TrimEnd())]))]);
        Snapshot.Match(text.ToSnapshotJson());
    }

    [Fact]
    public void SqlServer_rebuild_and_drop_parse()
    {
        Assert.All(RollupSql.Rebuild(sqlServer: true).Concat(RollupSql.SqlServerDrop()), sql => Assert.Empty(TSql.Parse(sql)));
    }

    [Fact]
    public void Adjustments_are_relative_never_read_then_written()
    {
        // Every rollup column is changed as `x = x + delta` (or `- delta`) in one statement under the row's lock: two writers
        // cannot lose each other's change. A column is never set from a value read earlier.
        foreach (var sql in RollupSql.SqlServerCreate().Concat(RollupSql.SqliteCreate()))
        {
            foreach (var column in new[] { "ActiveContractValueCents", "SupplierCount", "Links" })
            {
                foreach (System.Text.RegularExpressions.Match set in System.Text.RegularExpressions.Regex.Matches(sql, $@"SET \[?""?{column}""?\]? = ([^,;\n]+)"))
                {
                    Assert.Matches($@"^(r\.)?\[?""?{column}""?\]? [+-] ", set.Groups[1].Value);
                }
            }
        }
    }

    private static IList<TSqlBatch> Batches(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out _);
        return script.Batches;
    }
}
