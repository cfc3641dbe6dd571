namespace ProcurementGraph.Toolkit.Limits;

/// <summary>What a request asks of the cost analysis (HotChocolate's <c>GraphQL-Cost</c> request header).</summary>
public enum CostReporting
{
    /// <summary>Analyse, enforce the limits, execute; no report.</summary>
    None,

    /// <summary><c>GraphQL-Cost: report</c>: analyse, enforce, execute, and add <c>extensions.operationCost</c>.</summary>
    Report,

    /// <summary><c>GraphQL-Cost: validate</c>: analyse and answer <c>extensions.operationCost</c> without executing (nor enforcing).</summary>
    Validate,
}

/// <summary>The cost analysis state of one request, kept in the execution's user context.</summary>
public sealed class CostRequest
{
    /// <summary>The user-context key.</summary>
    public const string UserContextKey = "ProcurementGraph.Limits.CostRequest";

    /// <summary>The request header HotChocolate reads (<c>report</c> or <c>validate</c>).</summary>
    public const string HeaderName = "GraphQL-Cost";

    public CostReporting Reporting { get; set; }

    /// <summary>The operation's costs, once analysed (null when validation failed before the analysis).</summary>
    public CostMetrics? Metrics { get; set; }

    /// <summary>The request's state, created in <paramref name="userContext"/> when it has none.</summary>
    public static CostRequest For(IDictionary<string, object?> userContext)
    {
        ArgumentNullException.ThrowIfNull(userContext);
        if (userContext.TryGetValue(UserContextKey, out var value) && value is CostRequest request)
        {
            return request;
        }

        request = new CostRequest();
        userContext[UserContextKey] = request;
        return request;
    }

    /// <summary>The request's state, or null when nothing created one.</summary>
    public static CostRequest? Find(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(UserContextKey, out var value) ? value as CostRequest : null;

    /// <summary>Parses a <c>GraphQL-Cost</c> header value; anything but <c>report</c> or <c>validate</c> is <see cref="CostReporting.None"/>.</summary>
    public static CostReporting ParseHeader(string? value) => value?.Trim() switch
    {
        { } v when v.Equals("report", StringComparison.OrdinalIgnoreCase) => CostReporting.Report,
        { } v when v.Equals("validate", StringComparison.OrdinalIgnoreCase) => CostReporting.Validate,
        _ => CostReporting.None,
    };
}
