using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>Parses T-SQL with Microsoft's own parser (SQL Server 2022 grammar): syntax only, no server.</summary>
public static class TSql
{
    public static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
