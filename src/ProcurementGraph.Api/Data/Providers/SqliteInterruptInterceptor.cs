using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>
/// Makes a cancelled request stop its running SQLite statement. Microsoft.Data.Sqlite checks the cancellation token
/// only before it starts (its <c>Cancel()</c> does nothing), so a long statement would run to its end after the
/// request's timeout. While an EF command runs or its reader is open, this interceptor ties the command's token to
/// <c>sqlite3_interrupt</c> on the command's connection: the statement stops at its next step with
/// <c>SQLITE_INTERRUPT</c> (error 9). Waits on a locked database are bounded by
/// <see cref="ProcurementGraph.Toolkit.Execution.DeadlineCommandInterceptor"/> instead. Other providers are left alone
/// (SqlClient cancels natively).
/// </summary>
public sealed class SqliteInterruptInterceptor : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, Registration> _registrations = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Register(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Register(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Unregister(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Register(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Unregister(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Unregister(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Unregister(command);
        return result;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Unregister(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Unregister(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unregister(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Unregister(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Unregister(command);
        return Task.CompletedTask;
    }

    private void Register(DbCommand command, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || command is not SqliteCommand { Connection.Handle: { } handle })
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var registration = cancellationToken.UnsafeRegister(static state => SQLitePCL.raw.sqlite3_interrupt((SQLitePCL.sqlite3)state!), handle);
        _registrations.AddOrUpdate(command, new Registration(registration));
    }

    /// <summary>Disposing waits for a running callback, so no interrupt reaches the connection after its command ended.</summary>
    private void Unregister(DbCommand command)
    {
        if (_registrations.TryGetValue(command, out var registration) && _registrations.Remove(command))
        {
            registration.Value.Dispose();
        }
    }

    private sealed class Registration(CancellationTokenRegistration value)
    {
        public CancellationTokenRegistration Value { get; } = value;
    }
}
