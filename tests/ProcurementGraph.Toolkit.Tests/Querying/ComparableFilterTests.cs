using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary><c>Int</c>/<c>Decimal</c>/<c>Date</c> operation inputs: eq neq in nin gt ngt gte ngte lt nlt lte nlte, nullable columns included.</summary>
public sealed class ComparableFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("eq: 200", new[] { 6, 7 })]
    [InlineData("neq: 200", new[] { 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14 })]
    [InlineData("in: [150, 52]", new[] { 5, 8, 9 })]
    [InlineData("nin: [150, 52]", new[] { 1, 2, 3, 4, 6, 7, 10, 11, 12, 13, 14 })]
    [InlineData("gt: 412", new[] { 2, 4, 10, 11 })]
    [InlineData("ngt: 412", new[] { 1, 3, 5, 6, 7, 8, 9, 12, 13, 14 })]
    [InlineData("gte: 412", new[] { 1, 2, 4, 10, 11 })]
    [InlineData("ngte: 412", new[] { 3, 5, 6, 7, 8, 9, 12, 13, 14 })]
    [InlineData("lt: 150", new[] { 5, 13 })]
    [InlineData("nlt: 150", new[] { 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14 })]
    [InlineData("lte: 150", new[] { 5, 8, 9, 13 })]
    [InlineData("nlte: 150", new[] { 1, 2, 3, 4, 6, 7, 10, 11, 12, 14 })]
    [InlineData("gt: 100, lt: 200", new[] { 8, 9 })]
    public async Task Int_operations(string operations, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync($"{{ pages: {{ {operations} }} }}"));
    }

    [Theory]
    [InlineData("eq: 9.99", new[] { 1, 6, 11, 14 })]
    [InlineData("neq: 9.99", new[] { 2, 3, 4, 5, 7, 8, 9, 10, 12, 13 })]
    [InlineData("in: [12, 7.25]", new[] { 3, 4, 7, 8 })]
    [InlineData("nin: [12, 7.25]", new[] { 1, 2, 5, 6, 9, 10, 11, 12, 13, 14 })]
    [InlineData("gt: 12", new[] { 2, 9, 10, 12 })]
    [InlineData("ngt: 12", new[] { 1, 3, 4, 5, 6, 7, 8, 11, 13, 14 })]
    [InlineData("gte: 12", new[] { 2, 3, 4, 9, 10, 12 })]
    [InlineData("ngte: 12", new[] { 1, 5, 6, 7, 8, 11, 13, 14 })]
    [InlineData("lt: 7.25", new[] { 5, 13 })]
    [InlineData("nlt: 7.25", new[] { 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14 })]
    [InlineData("lte: 7.25", new[] { 5, 7, 8, 13 })]
    [InlineData("nlte: 7.25", new[] { 1, 2, 3, 4, 6, 9, 10, 11, 12, 14 })]
    public async Task Decimal_operations(string operations, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync($"{{ price: {{ {operations} }} }}"));
    }

    [Theory]
    [InlineData("""eq: "2001-05-05" """, new[] { 6, 7 })]
    [InlineData("""neq: "2001-05-05" """, new[] { 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14 })]
    [InlineData("""in: ["1999-02-01", "1843-01-01"]""", new[] { 2, 5, 12 })]
    [InlineData("""nin: ["1999-02-01", "1843-01-01"]""", new[] { 1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14 })]
    [InlineData("""gt: "2001-05-05" """, new[] { 8, 9, 10, 13 })]
    [InlineData("""ngt: "2001-05-05" """, new[] { 1, 2, 3, 4, 5, 6, 7, 11, 12, 14 })]
    [InlineData("""gte: "2001-05-05" """, new[] { 6, 7, 8, 9, 10, 13 })]
    [InlineData("""ngte: "2001-05-05" """, new[] { 1, 2, 3, 4, 5, 11, 12, 14 })]
    [InlineData("""lt: "1970-01-01" """, new[] { 1, 5, 14 })]
    [InlineData("""nlt: "1970-01-01" """, new[] { 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13 })]
    [InlineData("""lte: "1969-10-15" """, new[] { 1, 5, 14 })]
    [InlineData("""nlte: "1969-10-15" """, new[] { 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13 })]
    public async Task Date_operations(string operations, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync($"{{ publishedOn: {{ {operations} }} }}"));
    }

    [Theory]
    [InlineData("{ edition: { eq: 1 } }", new[] { 1, 4, 7, 10, 14 })]
    [InlineData("{ edition: { in: [2, 3] } }", new[] { 2, 6, 8, 12 })]
    [InlineData("{ edition: { gt: 1 } }", new[] { 2, 6, 8, 12 })]
    [InlineData("{ edition: { lt: 2 } }", new[] { 1, 4, 7, 10, 14 })]
    [InlineData("{ rating: { gte: 4.2 } }", new[] { 1, 2, 3, 9, 10 })]
    [InlineData("{ rating: { lt: 4 } }", new[] { 5, 6, 8 })]
    [InlineData("""{ retiredOn: { lt: "2015-01-01" } }""", new[] { 3, 5 })]
    public async Task Range_operations_on_nullable_columns_never_match_null(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("{ edition: { neq: 1 } }", new[] { 1, 4, 7, 10, 14 })]
    [InlineData("{ edition: { nin: [1] } }", new[] { 1, 4, 7, 10, 14 })]
    [InlineData("{ edition: { ngt: 1 } }", new[] { 2, 6, 8, 12 })]
    [InlineData("{ rating: { nlt: 4 } }", new[] { 5, 6, 8 })]
    [InlineData("""{ retiredOn: { ngte: "2015-01-01" } }""", new[] { 9 })]
    public async Task Negated_operations_on_nullable_columns_keep_null_as_in_CSharp(string where, int[] excluded)
    {
        Assert.Equal(Queries.AllBut(excluded), await fixture.BookKeysAsync(where));
    }
}
