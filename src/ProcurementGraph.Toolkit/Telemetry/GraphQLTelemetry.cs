using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProcurementGraph.Toolkit.Telemetry;

/// <summary>
/// The server's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <see cref="Name"/>): one span per GraphQL
/// request named after its operation, with children for parse, validate, execute and every SQL command; request duration,
/// errors by code, SQL statements per request and requests refused by a limit. Nothing is recorded unless a listener
/// (e.g. OpenTelemetry) subscribes to <see cref="Name"/>.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The instrumentation name dashboards and collectors select by; it predates the toolkit project's rename and stays.</summary>
    public const string Name = "ProcurementGraph.Server";

    public const string OperationTypeTag = "graphql.operation.type";
    public const string OperationNameTag = "graphql.operation.name";
    public const string DocumentIdTag = "graphql.document.id";
    public const string ErrorCodesTag = "graphql.error.codes";
    public const string OutcomeTag = "graphql.outcome";
    public const string ErrorCodeTag = "graphql.error.code";
    public const string LimitTag = "graphql.limit";
    public const string SqlStatementsTag = "db.statement.count";

    /// <summary>The <see cref="GraphQL.ExecutionOptions.UserContext"/> key of the document id a client sent (the transport turns it into text).</summary>
    public const string DocumentIdKey = "ProcurementGraph.Telemetry.DocumentId";

    public const string ParseSpan = "graphql.parse";
    public const string ValidateSpan = "graphql.validate";
    public const string ExecuteSpan = "graphql.execute";

    public const string RequestDurationMetric = "graphql.server.request.duration";
    public const string ErrorsMetric = "graphql.server.errors";
    public const string SqlStatementsMetric = "graphql.server.sql.statements";
    public const string RejectedMetric = "graphql.server.rejected";

    /// <summary>The <see cref="LimitTag"/> of a request refused by the rate limiter.</summary>
    public const string RateLimit = "429";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        RequestDurationMetric, "s", "Duration of GraphQL requests by operation and outcome.");

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        ErrorsMetric, "{error}", "GraphQL errors by code.");

    internal static readonly Histogram<long> SqlStatements = Meter.CreateHistogram<long>(
        SqlStatementsMetric, "{statement}", "SQL statements run by one GraphQL request.");

    internal static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        RejectedMetric, "{request}", "Requests refused by a limit (cost, depth, document limits, rate).");

    /// <summary>True when anyone listens to the spans or the request metrics.</summary>
    internal static bool IsEnabled =>
        Source.HasListeners() || RequestDuration.Enabled || Errors.Enabled || SqlStatements.Enabled || Rejected.Enabled;

    /// <summary>Counts a request refused by the rate limiter (the 429 answered before GraphQL runs).</summary>
    public static void RecordRateLimited() => Rejected.Add(1, new KeyValuePair<string, object?>(LimitTag, RateLimit));

    /// <summary>Whether an error code is a limit's refusal: cost, depth or one of the document limits.</summary>
    internal static bool IsLimit(string code) =>
        code is "HC0047" or "MAX_EXECUTION_DEPTH" || (code.StartsWith("MAX_", StringComparison.Ordinal) && code.EndsWith("_EXCEEDED", StringComparison.Ordinal));
}
