using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>Parses T-SQL with Microsoft's own parser (SQL Server 2022 grammar): syntax only, no server.</summary>
public static class TSql
{
    private static readonly HashSet<string> AggregateFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "SUM", "AVG", "MIN", "MAX", "COUNT", "COUNT_BIG", "STDEV", "STDEVP", "VAR", "VARP", "STRING_AGG",
    };

    public static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }

    /// <summary>
    /// What SQL Server refuses though it parses: an aggregate over an expression containing a subquery (error 130) and a
    /// subquery in a GROUP BY item (error 144). EF Core writes an aggregate over a correlated value as a correlated subquery
    /// per group, which SQL Server takes; this finds any statement where that did not happen.
    /// </summary>
    public static IReadOnlyList<string> SubqueriesInAggregatesOrGroupBy(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out _);
        var finder = new SubqueryFinder();
        fragment.Accept(finder);
        return finder.Found;
    }

    private sealed class SubqueryFinder : TSqlFragmentVisitor
    {
        public List<string> Found { get; } = [];

        public override void Visit(FunctionCall node)
        {
            if (AggregateFunctions.Contains(node.FunctionName.Value) && node.Parameters.Any(HasSubquery))
            {
                Found.Add($"{node.FunctionName.Value}(...) over a subquery at line {node.StartLine}");
            }
        }

        public override void Visit(GroupByClause node)
        {
            if (node.GroupingSpecifications.Any(HasSubquery))
            {
                Found.Add($"a subquery in GROUP BY at line {node.StartLine}");
            }
        }

        private static bool HasSubquery(TSqlFragment fragment)
        {
            var any = new AnySubquery();
            fragment.Accept(any);
            return any.Found;
        }
    }

    private sealed class AnySubquery : TSqlFragmentVisitor
    {
        public bool Found { get; private set; }

        public override void Visit(ScalarSubquery node) => Found = true;

        public override void Visit(ExistsPredicate node) => Found = true;

        public override void Visit(InPredicate node) => Found |= node.Subquery is not null;
    }
}
