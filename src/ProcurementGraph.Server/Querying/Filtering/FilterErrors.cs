using GraphQL;

namespace ProcurementGraph.Server.Querying.Filtering;

/// <summary>Filter errors, with HotChocolate's codes and messages where it has them.</summary>
public static class FilterErrors
{
    public static ExecutionError NullNotSupported(string operation, string inputType) =>
        new($"The provided value for filter `{operation}` of type {inputType} is invalid. Null values are not supported.") { Code = "HC0026" };

    public static ExecutionError InvalidId(string id, string typeName)
    {
        var error = new ExecutionError($"The ID `{id}` is not a valid `{typeName}` ID.") { Code = "INVALID_ID" };
        error.Data["typeName"] = typeName;
        return error;
    }
}
