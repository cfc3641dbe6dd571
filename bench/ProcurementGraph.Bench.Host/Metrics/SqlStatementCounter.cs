using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>
/// Counts every SQL command EF Core executes (readers, scalars, non-queries). Registered in DI as an
/// <see cref="IInterceptor"/>, which the product's data registration adds to every context.
/// </summary>
internal sealed class SqlStatementCounter(BenchCounters counters) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        counters.SqlStatementExecuting();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        counters.SqlStatementExecuting();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        counters.SqlStatementExecuting();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        counters.SqlStatementExecuting();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        counters.SqlStatementExecuting();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        counters.SqlStatementExecuting();
        return ValueTask.FromResult(result);
    }
}
