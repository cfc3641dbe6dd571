using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>Nulls as HotChocolate: <c>eq: null</c> is IS NULL, <c>neq: null</c> IS NOT NULL, null elsewhere is <c>HC0026</c>.</summary>
public sealed class NullFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("subtitle", new[] { 1, 3, 5, 8, 10, 11, 13 })]
    [InlineData("edition", new[] { 3, 5, 9, 11, 13 })]
    [InlineData("rating", new[] { 4, 7, 12, 13 })]
    [InlineData("retiredOn", new[] { 1, 2, 4, 6, 7, 8, 10, 11, 12, 13, 14 })]
    [InlineData("format", new[] { 4, 5, 13 })]
    public async Task Eq_null_is_IS_NULL_and_neq_null_is_IS_NOT_NULL(string field, int[] nulls)
    {
        var isNull = await fixture.ExecuteAsync($"{{ books(first: 100, where: {{ {field}: {{ eq: null }} }}) {{ nodes {{ key }} }} }}");
        var isNotNull = await fixture.ExecuteAsync($"{{ books(first: 100, where: {{ {field}: {{ neq: null }} }}) {{ nodes {{ key }} }} }}");

        Assert.Equal(nulls, isNull.Keys("books.nodes"));
        Assert.Contains("IS NULL", isNull.AllSql, StringComparison.Ordinal);
        Assert.Equal(Queries.AllBut(nulls), isNotNull.Keys("books.nodes"));
        Assert.Contains("IS NOT NULL", isNotNull.AllSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eq_null_from_a_variable_is_IS_NULL()
    {
        var result = await fixture.ExecuteAsync(
            "query($s: String) { books(first: 100, where: { subtitle: { eq: $s } }) { nodes { key } } }", new { s = (string?)null });

        Assert.Equal([1, 3, 5, 8, 10, 11, 13], result.Keys("books.nodes"));
    }

    [Theory]
    [InlineData("title", "contains", "StringOperationFilterInput")]
    [InlineData("title", "ncontains", "StringOperationFilterInput")]
    [InlineData("title", "startsWith", "StringOperationFilterInput")]
    [InlineData("title", "nstartsWith", "StringOperationFilterInput")]
    [InlineData("title", "endsWith", "StringOperationFilterInput")]
    [InlineData("title", "nendsWith", "StringOperationFilterInput")]
    [InlineData("title", "in", "StringOperationFilterInput")]
    [InlineData("subtitle", "nin", "StringOperationFilterInput")]
    [InlineData("pages", "gt", "IntOperationFilterInput")]
    [InlineData("edition", "lte", "IntOperationFilterInput")]
    [InlineData("price", "ngte", "DecimalOperationFilterInput")]
    [InlineData("publishedOn", "lt", "LocalDateOperationFilterInput")]
    [InlineData("genre", "in", "GenreOperationFilterInput")]
    [InlineData("pages", "eq", "IntOperationFilterInput")]
    [InlineData("inPrint", "neq", "BooleanOperationFilterInput")]
    [InlineData("genre", "eq", "GenreOperationFilterInput")]
    public async Task Null_where_it_has_no_meaning_is_HC0026(string field, string operation, string inputType)
    {
        var result = await fixture.ExecuteAsync($"{{ books(where: {{ {field}: {{ {operation}: null }} }}) {{ nodes {{ key }} }} }}");

        var error = result.SingleError();
        Assert.Equal("HC0026", GraphResult.Extension(error, "code"));
        Assert.Equal(
            $"The provided value for filter `{operation}` of type {inputType} is invalid. Null values are not supported.",
            error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, result.Raw("books").ValueKind);
        Assert.Equal("books", error.GetProperty("path")[0].GetString());
        Assert.Empty(result.Statements);
    }

    [Theory]
    [InlineData("some")]
    [InlineData("all")]
    [InlineData("none")]
    [InlineData("any")]
    public async Task Null_list_operations_are_HC0026(string operation)
    {
        var result = await fixture.ExecuteAsync($"{{ authors(where: {{ books: {{ {operation}: null }} }}) {{ nodes {{ key }} }} }}");

        var error = result.SingleError();
        Assert.Equal("HC0026", GraphResult.Extension(error, "code"));
        Assert.Equal(
            $"The provided value for filter `{operation}` of type ListFilterInputTypeOfBookFilterInput is invalid. Null values are not supported.",
            error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{ edition: { in: [null, 3] } }", new[] { 3, 5, 6, 9, 11, 13 })]
    [InlineData("{ edition: { nin: [null, 1] } }", new[] { 2, 6, 8, 12 })]
    [InlineData("""{ subtitle: { in: [null, "Book Two"] } }""", new[] { 1, 3, 5, 8, 10, 11, 13, 14 })]
    [InlineData("{ format: { in: [] } }", new int[0])]
    public async Task A_null_item_in_a_list_matches_null_values(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("{ pages: { in: [null, 52] } }", "in", "IntOperationFilterInput")]
    [InlineData("{ price: { nin: [1, null] } }", "nin", "DecimalOperationFilterInput")]
    [InlineData("{ id: { in: [null] } }", "in", "IdOperationFilterInput")]
    public async Task A_null_item_for_a_non_null_column_is_HC0026(string where, string operation, string inputType)
    {
        var result = await fixture.ExecuteAsync($"{{ books(where: {where}) {{ nodes {{ key }} }} }}");

        var error = result.SingleError();
        Assert.Equal("HC0026", GraphResult.Extension(error, "code"));
        Assert.Equal(
            $"The provided value for filter `{operation}` of type {inputType} is invalid. Null values are not supported.",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_null_field_filter_or_where_is_no_filter()
    {
        Assert.Equal(Queries.AllBooks, await fixture.BookKeysAsync("{ subtitle: null }"));
        var result = await fixture.ExecuteAsync("{ books(first: 100, where: null) { nodes { key } } }");
        Assert.Equal(Queries.AllBooks, result.Keys("books.nodes"));
    }
}
