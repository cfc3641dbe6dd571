using System.Text.Json;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>An execution result as JSON, with the SQL statements the request sent.</summary>
public sealed class GraphResult(JsonElement json, IReadOnlyList<string> statements)
{
    public JsonElement Json { get; } = json;

    public IReadOnlyList<string> Statements { get; } = statements;

    public string AllSql => string.Join("\n;\n", Statements);

    public IReadOnlyList<JsonElement> Errors =>
        Json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The value at a dotted path under <c>data</c>, e.g. <c>books.nodes</c>.</summary>
    public JsonElement Data(string path)
    {
        Assert.True(Errors.Count == 0, "Unexpected errors: " + Json);
        return Raw(path);
    }

    /// <summary>Like <see cref="Data"/>, errors allowed.</summary>
    public JsonElement Raw(string path)
    {
        var current = Json.GetProperty("data");
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out var index) ? current[index] : current.GetProperty(part);
        }

        return current;
    }

    /// <summary>The <c>key</c> (primary key) of each element of the list at <paramref name="path"/>.</summary>
    public List<int> Keys(string path) => [.. Data(path).EnumerateArray().Select(e => e.GetProperty("key").GetInt32())];

    /// <summary>A string property of each element of the list at <paramref name="path"/> (null stays null).</summary>
    public List<string?> Strings(string path, string property) =>
        [.. Data(path).EnumerateArray().Select(e => e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).ToString())];

    /// <summary>The single error, asserted to be the only one.</summary>
    public JsonElement SingleError()
    {
        Assert.True(Errors.Count == 1, "Expected one error: " + Json);
        return Errors[0];
    }

    public static string? Extension(JsonElement error, string name) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty(name, out var value) ? value.ToString() : null;

    public override string ToString() => Json.ToString();
}
