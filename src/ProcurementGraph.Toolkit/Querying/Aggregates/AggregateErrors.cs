using GraphQL;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>Errors of aggregate requests (HotChocolate has no aggregates, so the codes are ours).</summary>
public static class AggregateErrors
{
    /// <summary>An <c>order</c> on a key the groups are not grouped by: such a value is not one per group.</summary>
    public static ExecutionError KeyNotGrouped(AggregateKeyModel key)
    {
        var error = new ExecutionError(
            $"The groups are ordered by the key `{key.Name}`, which they are not grouped by: add {key.Value} to `groupBy`, or order by an aggregate value.")
        { Code = "AGGREGATE_KEY_NOT_GROUPED" };
        error.Data["key"] = key.Name;
        return error;
    }
}
