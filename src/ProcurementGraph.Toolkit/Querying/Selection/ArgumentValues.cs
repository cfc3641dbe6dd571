using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Querying.Selection;

/// <summary>Reading coerced argument values.</summary>
public static class ArgumentValues
{
    public static object? ValueOf(this IDictionary<string, ArgumentValue>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
