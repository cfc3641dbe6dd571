using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementGraph.Toolkit.Execution;

namespace ProcurementGraph.Toolkit.Telemetry;

/// <summary>
/// One span per SQL command (named after its verb, with <c>db.system</c> and <c>db.query.text</c>), a child of the GraphQL
/// step that ran it, and the request's statement count. Costs one listener check when nobody listens.
/// </summary>
public sealed class SqlCommandTelemetryInterceptor : CommandExecutingInterceptor
{
    private static readonly ActivitySource Source = GraphQLTelemetry.Source;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(command, null);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return Task.CompletedTask;
    }

    protected override void OnExecuting(DbCommand command)
    {
        SqlStatementCount.Current?.Increment();
        if (!Source.HasListeners())
        {
            return;
        }

        var text = command.CommandText;
        var activity = Source.StartActivity(Verb(text), ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system", command.Connection?.GetType().Namespace);
        activity.SetTag("db.query.text", text);
        CommandActivities.Add(command, activity);
    }

    private static void Stop(DbCommand command, Exception? failure)
    {
        if (!CommandActivities.TryGetValue(command, out var activity))
        {
            return;
        }

        CommandActivities.Remove(command);
        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.Message);
        }

        var previous = Activity.Current;
        activity.Stop();
        if (previous != activity)
        {
            Activity.Current = previous;
        }
    }

    private static string Verb(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = span.IndexOfAny(' ', '\n', '\r');
        var verb = (end < 0 ? span : span[..end]).ToString().ToUpperInvariant();
        return verb.Length is > 0 and <= 16 ? $"SQL {verb}" : "SQL";
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbCommand, Activity> CommandActivities = new();
}
