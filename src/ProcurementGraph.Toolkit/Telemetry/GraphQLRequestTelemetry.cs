using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Telemetry;

/// <summary>
/// The request span (renamed after the operation, e.g. <c>query SupplierScorecard</c>, once the document is known) and
/// the request metrics. Outermost of the execution steps; when nobody listens it only checks so and calls on.
/// </summary>
internal sealed class GraphQLRequestTelemetry : IConfigureExecution
{
    public float SortOrder => -100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!GraphQLTelemetry.IsEnabled)
        {
            return await next(options).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        var statements = SqlStatementCount.Begin();
        using var activity = GraphQLTelemetry.Source.StartActivity("graphql", ActivityKind.Internal);
        ExecutionResult? result = null;
        try
        {
            result = await next(options).ConfigureAwait(false);
            return result;
        }
        finally
        {
            Record(activity, options, result, Stopwatch.GetElapsedTime(started), statements.Count);
        }
    }

    private static void Record(Activity? activity, ExecutionOptions options, ExecutionResult? result, TimeSpan elapsed, int statements)
    {
        var operation = Operation(result?.Document ?? options.Document, result?.Operation?.Name?.StringValue ?? options.OperationName);
        var type = operation?.Operation.ToString().ToLowerInvariant();
        var name = operation?.Name?.StringValue;
        var codes = (result?.Errors ?? []).Select(e => e.Code ?? "UNKNOWN").Distinct(StringComparer.Ordinal).ToArray();
        var outcome = result is null ? "exception" : codes.Length == 0 ? "success" : result.Executed ? "error" : "rejected";

        if (activity is not null)
        {
            activity.DisplayName = type is null ? "graphql" : name is null ? type : $"{type} {name}";
            activity.SetTag(GraphQLTelemetry.OperationTypeTag, type);
            activity.SetTag(GraphQLTelemetry.OperationNameTag, name);
            activity.SetTag(GraphQLTelemetry.DocumentIdTag, options.DocumentId
                ?? (options.UserContext.TryGetValue(GraphQLTelemetry.DocumentIdKey, out var id) ? id as string : null));
            activity.SetTag(GraphQLTelemetry.OutcomeTag, outcome);
            activity.SetTag(GraphQLTelemetry.SqlStatementsTag, statements);
            if (codes.Length > 0)
            {
                activity.SetTag(GraphQLTelemetry.ErrorCodesTag, codes);
                activity.SetStatus(ActivityStatusCode.Error, string.Join(' ', codes));
            }
        }

        var typeTag = new KeyValuePair<string, object?>(GraphQLTelemetry.OperationTypeTag, type);
        var nameTag = new KeyValuePair<string, object?>(GraphQLTelemetry.OperationNameTag, name);
        GraphQLTelemetry.RequestDuration.Record(
            elapsed.TotalSeconds, typeTag, nameTag, new KeyValuePair<string, object?>(GraphQLTelemetry.OutcomeTag, outcome));
        GraphQLTelemetry.SqlStatements.Record(statements, typeTag, nameTag);
        foreach (var error in result?.Errors ?? [])
        {
            GraphQLTelemetry.Errors.Add(1, new KeyValuePair<string, object?>(GraphQLTelemetry.ErrorCodeTag, error.Code ?? "UNKNOWN"));
        }

        foreach (var limit in codes.Where(GraphQLTelemetry.IsLimit))
        {
            GraphQLTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>(GraphQLTelemetry.LimitTag, limit));
        }
    }

    /// <summary>The operation the request ran: the one named, or the document's only one.</summary>
    private static GraphQLOperationDefinition? Operation(GraphQLDocument? document, string? operationName)
    {
        if (document is null)
        {
            return null;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
