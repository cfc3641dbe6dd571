using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// SQL Server without a server: connections "open" without connecting, and every command is kept and answered
/// with an empty result (a zero for counts and for rows affected by set-based statements). Tests read the T-SQL EF Core generated for a GraphQL request.
/// </summary>
public sealed class OfflineSqlServer : DbCommandInterceptor, IDbConnectionInterceptor
{
    private const int WidestSelect = 256;

    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command)));

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(0));
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }

    private DataTableReader Answer(DbCommand command)
    {
        _commands.Enqueue(command.CommandText);
        using var table = new DataTable();
        if (command.CommandText.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
        {
            table.Columns.Add("count", typeof(int));
            table.Rows.Add(0);
        }
        else
        {
            // EF checks the column count of a buffered (retrying) reader even when it has no rows.
            for (var column = 0; column < WidestSelect; column++)
            {
                table.Columns.Add($"c{column}", typeof(object));
            }
        }

        return table.CreateDataReader();
    }
}
