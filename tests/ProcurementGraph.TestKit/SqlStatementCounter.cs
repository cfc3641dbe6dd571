using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.TestKit;

/// <summary>
/// Counts (and keeps the text of) every SQL command EF Core sends: readers (queries, and inserts or updates that read
/// back), scalars and non-queries (set-based <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>), synchronous and asynchronous
/// alike, so tests can assert statement budgets and SQL text. Add it with <c>options.AddInterceptors(counter)</c>.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    /// <summary>The text of each command since the last <see cref="Reset"/>, in the order sent.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>How many commands were sent since the last <see cref="Reset"/>.</summary>
    public int Count => _commands.Count;

    public void Reset() => _commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _commands.Enqueue(command.CommandText);
}
