using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// Filters too big for the database are the client's coded error before any SQL (not a provider exception, not a
/// stack overflow), and the largest allowed ones run.
/// </summary>
public sealed class FilterSizeTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string ByWhere = "query($w: BookFilterInput) { books(first: 100, where: $w) { nodes { key } } }";

    [Fact]
    public async Task An_or_of_as_many_filters_as_allowed_runs()
    {
        // Arrange: every filter is two fields (key, eq)
        var or = Enumerable.Range(1, FilterBuilder.MaxFilterFields / 2 - 1).Select(i => new { key = new { eq = i } }).ToArray();

        // Act
        var result = await fixture.ExecuteAsync(ByWhere, new { w = new { or } });

        // Assert
        Assert.Equal(Queries.AllBut([]), result.Keys("books.nodes"));
    }

    [Fact]
    public async Task A_where_with_more_fields_than_allowed_is_FILTER_TOO_LARGE_without_sql()
    {
        // Arrange
        var or = Enumerable.Range(1, 10_000).Select(i => new { key = new { eq = i } }).ToArray();

        // Act
        var result = await fixture.ExecuteAsync(ByWhere, new { w = new { or } });

        // Assert
        var error = result.SingleError();
        Assert.Equal("FILTER_TOO_LARGE", GraphResult.Extension(error, "code"));
        Assert.Equal("1000", GraphResult.Extension(error, "maxAllowedFields"));
        Assert.Empty(result.Statements);
    }

    [Theory]
    [InlineData(FilterBuilder.MaxFilterFields - 2, null)]
    [InlineData(FilterBuilder.MaxFilterFields + 1, "FILTER_TOO_LARGE")]
    public async Task In_list_values_count_towards_the_limit(int values, string? code)
    {
        // Arrange
        var keys = Enumerable.Range(1, values).ToArray();

        // Act
        var result = await fixture.ExecuteAsync(ByWhere, new { w = new { key = new { @in = keys } } });

        // Assert
        if (code is null)
        {
            Assert.Equal(Queries.AllBut([]), result.Keys("books.nodes"));
        }
        else
        {
            Assert.Equal(code, GraphResult.Extension(result.SingleError(), "code"));
        }
    }

    [Theory]
    [InlineData("contains")]
    [InlineData("nstartsWith")]
    [InlineData("endsWith")]
    public async Task A_pattern_operand_longer_than_allowed_is_FILTER_VALUE_TOO_LONG(string operation)
    {
        // Arrange
        var longest = new string('%', ValueOperations.MaxPatternLength); // escaped, twice as long in SQL
        var tooLong = new string('x', ValueOperations.MaxPatternLength + 1);
        var query = $"query($s: String) {{ books(first: 100, where: {{ title: {{ {operation}: $s }} }}) {{ nodes {{ key }} }} }}";

        // Act
        var allowed = await fixture.ExecuteAsync(query, new { s = longest });
        var refused = await fixture.ExecuteAsync(query, new { s = tooLong });

        // Assert
        Assert.Empty(allowed.Errors);
        var error = refused.SingleError();
        Assert.Equal("FILTER_VALUE_TOO_LONG", GraphResult.Extension(error, "code"));
        Assert.Equal($"The value of filter `{operation}` is too long: at most 1000 characters are allowed.", error.GetProperty("message").GetString());
    }
}
