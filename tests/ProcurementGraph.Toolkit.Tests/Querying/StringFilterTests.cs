using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary><c>StringOperationFilterInput</c>: every operation, case-insensitive on SQLite, LIKE wildcards taken literally.</summary>
public sealed class StringFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("""{ title: { eq: "dune" } }""", new[] { 1 })]
    [InlineData("""{ title: { eq: "DUNE messiah" } }""", new[] { 14 })]
    [InlineData("""{ title: { contains: "COSMOS" } }""", new[] { 3, 10 })]
    [InlineData("""{ title: { in: ["dune", "COSMOS", "nothing"] } }""", new[] { 1, 3 })]
    [InlineData("""{ title: { startsWith: "the " } }""", new[] { 2, 10 })]
    [InlineData("""{ title: { endsWith: "cosmos" } }""", new[] { 3, 10 })]
    [InlineData("""{ subtitle: { startsWith: "superstrings" } }""", new[] { 2 })]
    [InlineData("""{ subtitle: { contains: "ODDS" } }""", new[] { 6, 7 })]
    [InlineData("""{ subtitle: { endsWith: "TWO" } }""", new[] { 14 })]
    public async Task Positive_operations_match_ignoring_case(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("""{ title: { neq: "DUNE" } }""", new[] { 1 })]
    [InlineData("""{ title: { ncontains: "cosmos" } }""", new[] { 3, 10 })]
    [InlineData("""{ title: { nin: ["dune", "cosmos"] } }""", new[] { 1, 3 })]
    [InlineData("""{ title: { nstartsWith: "THE " } }""", new[] { 2, 10 })]
    [InlineData("""{ title: { nendsWith: "COSMOS" } }""", new[] { 3, 10 })]
    public async Task Negated_operations_exclude_the_matches(string where, int[] excluded)
    {
        Assert.Equal(Queries.AllBut(excluded), await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("""{ subtitle: { ncontains: "odds" } }""", new[] { 6, 7 })]
    [InlineData("""{ subtitle: { nstartsWith: "a " } }""", new[] { 4, 12 })]
    [InlineData("""{ subtitle: { nendsWith: "odds" } }""", new[] { 6, 7 })]
    [InlineData("""{ subtitle: { neq: "Book Two" } }""", new[] { 14 })]
    [InlineData("""{ subtitle: { nin: ["Book Two", "A Short One"] } }""", new[] { 12, 14 })]
    public async Task Negated_operations_keep_null_values_as_HotChocolate(string where, int[] excluded)
    {
        Assert.Equal(Queries.AllBut(excluded), await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("""{ title: { contains: "100%" } }""", new[] { 6 })]
    [InlineData("""{ title: { contains: "%" } }""", new[] { 6 })]
    [InlineData("""{ title: { startsWith: "100%" } }""", new[] { 6 })]
    [InlineData("""{ title: { contains: "snake_case" } }""", new[] { 8 })]
    [InlineData("""{ title: { endsWith: "_case stories" } }""", new[] { 8 })]
    [InlineData("""{ subtitle: { contains: "50_50" } }""", new[] { 6 })]
    [InlineData("""{ subtitle: { startsWith: "[draft]" } }""", new[] { 9 })]
    [InlineData("""{ title: { contains: "_" } }""", new[] { 8 })]
    public async Task Like_wildcards_in_the_value_match_literally(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Fact]
    public async Task And_and_or_inside_a_string_operation()
    {
        Assert.Equal([10], await fixture.BookKeysAsync("""{ title: { and: [{ contains: "the" }, { contains: "cosmos" }] } }"""));
        Assert.Equal([1, 8, 9], await fixture.BookKeysAsync("""{ title: { or: [{ eq: "dune" }, { startsWith: "SNAKE" }] } }"""));
        Assert.Equal([9], await fixture.BookKeysAsync("""{ title: { startsWith: "snake", or: [{ endsWith: "tales" }, { eq: "nothing" }] } }"""));
    }

    [Fact]
    public async Task Values_are_sent_as_sql_parameters_not_literals()
    {
        var result = await fixture.ExecuteAsync("""{ books(where: { title: { contains: "Zebra'Crossing" } }) { nodes { key } } }""");

        Assert.Empty(result.Keys("books.nodes"));
        Assert.DoesNotContain("Zebra", result.AllSql, StringComparison.Ordinal);
        Assert.Contains("LIKE", result.AllSql, StringComparison.Ordinal);
    }
}
