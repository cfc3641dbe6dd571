using System.Collections;
using GraphQL;
using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>
/// Shapes <c>extensions</c> as HotChocolate does: one <c>code</c> and the error's data entries at the
/// top level (e.g. <c>{"code":"HC0051","requestedItems":51,"maxAllowedItems":50}</c>), instead of
/// GraphQL.NET's <c>codes</c> list and nested <c>data</c> object. When exception details are exposed (Development), only
/// unexpected exceptions (<see cref="UnhandledError"/>) get them.
/// </summary>
public sealed class FlatErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(Normalize(options))
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (info.Extensions is not { } extensions)
        {
            return info;
        }

        extensions.Remove("codes");
        if (executionError is not UnhandledError)
        {
            // Exception details (a stack trace) only for unexpected exceptions: a client's mistake (a coded error such as
            // a syntax, validation, variable or paging error) never carries one, in Development either.
            extensions.Remove("details");
        }

        if (extensions.Remove("data", out var data) && data is IDictionary entries)
        {
            foreach (DictionaryEntry entry in entries)
            {
                if (entry.Key.ToString() is { } key)
                {
                    extensions.TryAdd(key, entry.Value);
                }
            }
        }

        return info;
    }

    private static ErrorInfoProviderOptions Normalize(ErrorInfoProviderOptions options)
    {
        options.ExposeCode = true;
        options.ExposeData = true;
        return options;
    }
}
