using GraphQL;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>The paging errors, with HotChocolate's codes and messages.</summary>
public static class PagingErrors
{
    public static ExecutionError MaxPageSizeExceeded(string coordinate, int requested, int max)
    {
        var error = new ExecutionError("The maximum allowed items per page were exceeded.") { Code = "HC0051" };
        error.Data["coordinate"] = coordinate;
        error.Data["requestedItems"] = requested;
        error.Data["maxAllowedItems"] = max;
        return error;
    }

    public static ExecutionError NegativePageSize(int requested)
    {
        var error = new ExecutionError("The requested number of values per page must be at least 0.") { Code = "HC0079" };
        error.Data["requestedItems"] = requested;
        return error;
    }

    public static ExecutionError InvalidCursor(string argument, string cursor)
    {
        var error = new ExecutionError($"The cursor specified in `{argument}` has an invalid format.") { Code = "HC0078" };
        error.Data["argument"] = argument;
        error.Data["cursor"] = cursor;
        return error;
    }
}
