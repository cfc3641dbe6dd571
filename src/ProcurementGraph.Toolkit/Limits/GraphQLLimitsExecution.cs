using GraphQL;
using GraphQL.DI;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// Wraps each execution: answers <c>GraphQL-Cost: validate</c> with the costs instead of executing, adds
/// <c>extensions.operationCost</c> for <c>GraphQL-Cost: report</c> (also when the limits rejected the request, as HotChocolate
/// does), and caps the errors of a request that failed before execution at <see cref="GraphQLLimitsOptions.MaxValidationErrors"/>.
/// </summary>
public sealed class GraphQLLimitsExecution(GraphQLLimitsOptions limits) : IConfigureExecution
{
    /// <summary>After the option configurations (100), like other execution wrappers.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(options).ConfigureAwait(false);
        var request = CostRequest.Find(options.UserContext);

        if (request?.Metrics is { } metrics && request.Reporting != CostReporting.None)
        {
            if (request.Reporting == CostReporting.Validate && result.Errors is { Count: > 0 } errors && errors.All(e => e is CostValidatedSignal))
            {
                // Valid and analysed, not executed: HotChocolate answers 200 with the costs; `data: null` keeps that a
                // well-formed GraphQL-over-HTTP success (a response without `data` must not be a 200).
                result = new ExecutionResult { Executed = true, Data = null, Query = result.Query, Document = result.Document, Operation = result.Operation };
            }

            else if (result.Errors?.Any(e => e is CostValidatedSignal) == true)
            {
                // Another rule failed next to the analysis: its errors are the answer, the signal is internal.
                var others = new ExecutionErrors();
                foreach (var error in result.Errors.Where(e => e is not CostValidatedSignal))
                {
                    others.Add(error);
                }

                result.Errors = others;
            }

            result.Extensions ??= new Dictionary<string, object?>();
            result.Extensions["operationCost"] = metrics.ToExtension();
        }

        if (!result.Executed && result.Errors is { } all && all.Count > limits.MaxValidationErrors)
        {
            var capped = new ExecutionErrors();
            foreach (var error in all.Take(limits.MaxValidationErrors))
            {
                capped.Add(error);
            }

            result.Errors = capped;
        }

        return result;
    }
}
