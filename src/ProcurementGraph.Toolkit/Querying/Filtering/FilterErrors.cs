using GraphQL;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>Filter errors, with HotChocolate's codes and messages where it has them.</summary>
public static class FilterErrors
{
    public static ExecutionError NullNotSupported(string operation, string inputType) =>
        new($"The provided value for filter `{operation}` of type {inputType} is invalid. Null values are not supported.") { Code = "HC0026" };

    /// <summary>A <c>where</c> argument with more input fields than <see cref="FilterBuilder.MaxFilterFields"/>.</summary>
    public static ExecutionError TooLarge(int maxFields)
    {
        var error = new ExecutionError(
            $"The filter is too large: a `where` argument may hold at most {maxFields} input fields and list values; split the request.")
        { Code = "FILTER_TOO_LARGE" };
        error.Data["maxAllowedFields"] = maxFields;
        return error;
    }

    /// <summary>A <c>contains</c>/<c>startsWith</c>/<c>endsWith</c> operand longer than <see cref="ValueOperations.MaxPatternLength"/>.</summary>
    public static ExecutionError ValueTooLong(string operation, int length, int maxLength)
    {
        var error = new ExecutionError($"The value of filter `{operation}` is too long: at most {maxLength} characters are allowed.")
        { Code = "FILTER_VALUE_TOO_LONG" };
        error.Data["length"] = length;
        error.Data["maxAllowedLength"] = maxLength;
        return error;
    }

    public static ExecutionError InvalidId(string id, string typeName)
    {
        var error = new ExecutionError($"The ID `{id}` is not a valid `{typeName}` ID.") { Code = "INVALID_ID" };
        error.Data["typeName"] = typeName;
        return error;
    }
}
