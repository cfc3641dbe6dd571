using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Toolkit.Execution;

/// <summary>
/// An EF Core command interceptor that does one thing before every command, whatever its kind (reader, scalar, non-query)
/// and whether it runs synchronously or not: <see cref="OnExecuting"/>. Derived interceptors may override the other events.
/// </summary>
public abstract class CommandExecutingInterceptor : DbCommandInterceptor
{
    public sealed override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        OnExecuting(command);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        OnExecuting(command);
        return ValueTask.FromResult(result);
    }

    public sealed override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        OnExecuting(command);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        OnExecuting(command);
        return ValueTask.FromResult(result);
    }

    public sealed override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        OnExecuting(command);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        OnExecuting(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>Runs before every command is sent.</summary>
    protected abstract void OnExecuting(DbCommand command);
}
