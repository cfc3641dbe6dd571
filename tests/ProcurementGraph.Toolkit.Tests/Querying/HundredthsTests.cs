using System.Globalization;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// A decimal kept as hundredths (<c>Author.hundredsOfPages</c>: the author's pages / 100): selected, the SQL reads the sum once and
/// the division happens in memory; filters and sorts translate the decimal to SQL. Both give the same values.
/// </summary>
public sealed class HundredthsTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly Library Data = LibraryData.Build();

    [Fact]
    public async Task A_selected_field_reads_its_hundredths_once_and_answers_the_exact_decimal()
    {
        var result = await fixture.ExecuteAsync("{ authors(order: [{ key: ASC }]) { nodes { key hundredsOfPages } } }");

        var sql = Assert.Single(result.Statements);
        Assert.Equal(1, Count(sql, "FROM \"Books\""));
        Assert.DoesNotContain("ef_", sql, StringComparison.Ordinal);
        var nodes = result.Data("authors.nodes").EnumerateArray().ToList();
        Assert.Equal(Data.Authors.Count, nodes.Count);
        foreach (var (author, node) in Data.Authors.OrderBy(a => a.Id).Zip(nodes))
        {
            var expected = author.Books.Sum(b => (long)b.Pages) / 100m;
            Assert.Equal(expected, node.GetProperty("hundredsOfPages").GetDecimal());
        }
    }

    [Fact]
    public async Task Filters_and_sorts_read_the_same_decimal_in_SQL()
    {
        var threshold = Data.Authors.Select(a => a.Books.Sum(b => (long)b.Pages) / 100m).Order().ElementAt(Data.Authors.Count / 2);
        var result = await fixture.ExecuteAsync(string.Create(CultureInfo.InvariantCulture,
            $"{{ authors(where: {{ hundredsOfPages: {{ gte: {threshold} }} }}, order: [{{ hundredsOfPages: DESC }}, {{ key: ASC }}]) {{ nodes {{ key hundredsOfPages }} }} }}"));

        var expected = Data.Authors
            .Select(a => (a.Id, Value: a.Books.Sum(b => (long)b.Pages) / 100m))
            .Where(a => a.Value >= threshold)
            .OrderByDescending(a => a.Value).ThenBy(a => a.Id)
            .ToList();
        var nodes = result.Data("authors.nodes").EnumerateArray().ToList();
        Assert.Equal(expected.Select(a => a.Id), nodes.Select(n => n.GetProperty("key").GetInt32()));
        Assert.Equal(expected.Select(a => a.Value), nodes.Select(n => n.GetProperty("hundredsOfPages").GetDecimal()));
    }

    [Theory]
    [InlineData(0L, "0.0")]
    [InlineData(5L, "0.05")]
    [InlineData(-7L, "-0.07")]
    [InlineData(12340L, "123.4")]
    [InlineData(185280045L, "1852800.45")]
    [InlineData(185280000L, "1852800.0")]
    [InlineData(-12345L, "-123.45")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void FromHundredths_has_one_decimal_place_or_two_as_SQLite_writes_decimals(long hundredths, string expected) =>
        Assert.Equal(expected, FixedPoint.FromHundredths(hundredths).ToString(CultureInfo.InvariantCulture));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
