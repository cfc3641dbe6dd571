using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// Every operation the generated operation inputs offer (read from the schema, so a new one is included) translates to
/// SQL and answers without an error: an operation declared in <c>OperationFilterInputGraphType</c> but missing from
/// <c>ValueOperations.Build</c> fails here.
/// </summary>
public sealed class EveryFilterOperationTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    public static TheoryData<string, string, string> Inputs => new()
    {
        { "StringOperationFilterInput", "title", "\"dune\"" },
        { "IntOperationFilterInput", "pages", "100" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Every_operation_of_the_input_runs(string inputType, string field, string operand)
    {
        // Arrange
        var type = await fixture.ExecuteAsync($$"""{ __type(name: "{{inputType}}") { inputFields { name type { kind } } } }""");
        var operations = type.Data("__type.inputFields").EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, IsList: f.GetProperty("type").GetProperty("kind").GetString() == "LIST"))
            .Where(f => f.Name is not ("and" or "or"))
            .ToList();

        // Act
        var failures = new List<string>();
        foreach (var (name, isList) in operations)
        {
            var value = isList ? $"[{operand}]" : operand;
            var result = await fixture.ExecuteAsync($"{{ books(first: 100, where: {{ {field}: {{ {name}: {value} }} }}) {{ nodes {{ key }} }} }}");
            if (result.Errors.Count > 0 || result.Json.GetProperty("data").GetProperty("books").ValueKind != JsonValueKind.Object)
            {
                failures.Add($"{name}: {result.Json}");
            }
        }

        // Assert
        Assert.True(operations.Count >= 4, $"{inputType} has {operations.Count} operations");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
