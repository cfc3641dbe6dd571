using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// Grouped aggregates over the library, compared with the same figures computed by LINQ to objects over the seed rows:
/// every kind of key, every function, null keys and null values, in one statement per request (plus one per object key).
/// </summary>
public sealed class AggregateTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly List<Book> Books = LibraryData.Build().Books;

    [Fact]
    public async Task Grouping_by_an_enum_computes_every_function_as_linq_does_in_one_statement()
    {
        var result = await fixture.ExecuteAsync("""
            {
              booksAggregate(groupBy: [GENRE]) {
                nodes {
                  key { genre format author { name } }
                  count
                  sum { pages price rating }
                  avg { pages price rating edition }
                  min { pages price rating edition }
                  max { pages price rating edition }
                  countDistinct { author publisher format publisherCountry retiredYear }
                }
              }
            }
            """);

        var nodes = Nodes(result, "booksAggregate");
        var expected = Books.GroupBy(b => b.Genre).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Count, nodes.Count);
        foreach (var (node, group) in nodes.Zip(expected))
        {
            Assert.Equal(Constant(group.Key), node.GetProperty("key").GetProperty("genre").GetString());
            Assert.Equal(JsonValueKind.Null, node.GetProperty("key").GetProperty("format").ValueKind);
            Assert.Equal(JsonValueKind.Null, node.GetProperty("key").GetProperty("author").ValueKind);
            Assert.Equal(group.Count(), node.GetProperty("count").GetInt32());
            AssertValues(node, group.ToList());
        }

        Assert.Single(result.Statements);
        Assert.Contains("GROUP BY", result.Statements[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Object_keys_return_the_related_rows_loaded_by_key_in_one_statement_per_key()
    {
        var result = await fixture.ExecuteAsync("""
            { booksAggregate(groupBy: [AUTHOR, PUBLISHER], order: [{ count: DESC }]) { nodes { key { author { name } publisher { name country } } count } } }
            """);

        var expected = Books.GroupBy(b => (b.AuthorId, b.PublisherId))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.AuthorId).ThenBy(g => g.Key.PublisherId).ToList();
        var nodes = Nodes(result, "booksAggregate");
        Assert.Equal(expected.Count, nodes.Count);
        foreach (var (node, group) in nodes.Zip(expected))
        {
            var book = group.First();
            Assert.Equal(book.Author.Name, node.GetProperty("key").GetProperty("author").GetProperty("name").GetString());
            var publisher = node.GetProperty("key").GetProperty("publisher");
            Assert.Equal(book.Publisher?.Name, publisher.ValueKind == JsonValueKind.Null ? null : publisher.GetProperty("name").GetString());
            Assert.Equal(group.Count(), node.GetProperty("count").GetInt32());
        }

        Assert.Equal(3, result.Statements.Count);
    }

    [Fact]
    public async Task Keys_through_a_nullable_reference_and_transformed_keys_group_as_linq_does()
    {
        var result = await fixture.ExecuteAsync("""
            { booksAggregate(groupBy: [PUBLISHER_COUNTRY, PUBLISHED_DECADE, RETIRED_YEAR, IN_PRINT], first: 100) {
                nodes { key { publisherCountry publishedDecade retiredYear inPrint publishedYear } count sum { pages } } } }
            """);

        var expected = Books.GroupBy(b => (b.Publisher?.Country, Decade: b.PublishedOn.Year / 10, Retired: b.RetiredOn?.Year, b.InPrint))
            .OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Decade).ThenBy(g => g.Key.Retired).ThenBy(g => g.Key.InPrint).ToList();
        var nodes = Nodes(result, "booksAggregate");
        Assert.Equal(expected.Count, nodes.Count);
        foreach (var (node, group) in nodes.Zip(expected))
        {
            var key = node.GetProperty("key");
            Assert.Equal(group.Key.Country, key.GetProperty("publisherCountry").GetString());
            Assert.Equal($"{group.Key.Decade * 10}s", key.GetProperty("publishedDecade").GetString());
            Assert.Equal(group.Key.Retired, key.GetProperty("retiredYear").ValueKind == JsonValueKind.Null ? null : key.GetProperty("retiredYear").GetInt32());
            Assert.Equal(group.Key.InPrint, key.GetProperty("inPrint").GetBoolean());
            Assert.Equal(JsonValueKind.Null, key.GetProperty("publishedYear").ValueKind);
            Assert.Equal(group.Count(), node.GetProperty("count").GetInt32());
            Assert.Equal(group.Sum(b => (long)b.Pages), node.GetProperty("sum").GetProperty("pages").GetInt64());
        }
    }

    [Fact]
    public async Task Without_keys_there_is_one_group_of_every_row_even_of_none()
    {
        const string Query = """
            query Total($where: BookFilterInput, $having: BookAggregateHavingInput) {
              booksAggregate(where: $where, having: $having) {
                totalCount
                nodes { key { genre } count sum { pages price rating } avg { rating } min { price } max { edition } countDistinct { author } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

        var all = await fixture.ExecuteAsync(Query);
        var none = await fixture.ExecuteAsync(Query, new { where = new { pages = new { gt = 100000 } } });
        var refused = await fixture.ExecuteAsync(Query, new { where = new { pages = new { gt = 100000 } }, having = new { count = new { gt = 0 } } });
        var kept = await fixture.ExecuteAsync(Query, new { where = new { pages = new { gt = 100000 } }, having = new { count = new { eq = 0 } } });

        var total = Assert.Single(Nodes(all, "booksAggregate"));
        Assert.Equal(Books.Count, total.GetProperty("count").GetInt32());
        AssertValues(total, Books);
        var empty = Assert.Single(Nodes(none, "booksAggregate"));
        Assert.Equal(0, empty.GetProperty("count").GetInt32());
        Assert.Equal(0, empty.GetProperty("sum").GetProperty("pages").GetInt64());
        Assert.Equal(0m, empty.GetProperty("sum").GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("avg").GetProperty("rating").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("min").GetProperty("price").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("max").GetProperty("edition").ValueKind);
        Assert.Equal(0, empty.GetProperty("countDistinct").GetProperty("author").GetInt32());
        Assert.Equal(1, none.Data("booksAggregate.totalCount").GetInt32());
        Assert.Empty(Nodes(refused, "booksAggregate"));
        Assert.Equal(0, refused.Data("booksAggregate.totalCount").GetInt32());
        Assert.Single(Nodes(kept, "booksAggregate"));
        Assert.Equal(1, kept.Data("booksAggregate.totalCount").GetInt32());
        Assert.Equal(1, all.Data("booksAggregate.totalCount").GetInt32());
        Assert.False(all.Data("booksAggregate.pageInfo.hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Having_filters_groups_by_their_aggregates_with_and_and_or()
    {
        var result = await fixture.ExecuteAsync("""
            {
              big: booksAggregate(groupBy: [AUTHOR], having: { count: { gt: 1 }, sum: { price: { gte: 20 } } }) { totalCount nodes { key { author { name } } } }
              either: booksAggregate(groupBy: [PUBLISHED_YEAR], having: { or: [{ avg: { rating: { gte: 4.5 } } }, { max: { pages: { lt: 160 } } }] }) { nodes { key { publishedYear } } }
              distinct: booksAggregate(groupBy: [GENRE], having: { countDistinct: { author: { gte: 3 } }, min: { edition: { eq: null } } }) { nodes { key { genre } } }
            }
            """);

        var big = Books.GroupBy(b => b.AuthorId).Where(g => g.Count() > 1 && g.Sum(b => b.Price) >= 20).OrderBy(g => g.Key).Select(g => g.First().Author.Name).ToList();
        Assert.Equal(big, Nodes(result, "big").Select(n => n.GetProperty("key").GetProperty("author").GetProperty("name").GetString()));
        Assert.Equal(big.Count, result.Data("big.totalCount").GetInt32());
        var either = Books.GroupBy(b => b.PublishedOn.Year)
            .Where(g => g.Average(b => (double?)b.Rating) >= 4.5 || g.Max(b => b.Pages) < 160).OrderBy(g => g.Key).Select(g => g.Key).ToList();
        Assert.Equal(either, Nodes(result, "either").Select(n => n.GetProperty("key").GetProperty("publishedYear").GetInt32()));
        var distinct = Books.GroupBy(b => b.Genre).Where(g => g.Select(b => b.AuthorId).Distinct().Count() >= 3 && g.Min(b => b.Edition) is null)
            .OrderBy(g => g.Key).Select(g => Constant(g.Key)).ToList();
        Assert.Equal(distinct, Nodes(result, "distinct").Select(n => n.GetProperty("key").GetProperty("genre").GetString()));
        Assert.NotEmpty(big);
        Assert.NotEmpty(either);
    }

    [Fact]
    public async Task Order_sorts_by_values_then_keys_in_written_order_with_nulls_as_sql_orders_them()
    {
        var result = await fixture.ExecuteAsync("""
            {
              bySum: booksAggregate(groupBy: [GENRE, FORMAT], order: [{ sum: { pages: DESC } }, { key: { format: DESC } }]) { nodes { key { genre format } } }
              byAvg: booksAggregate(groupBy: [FORMAT], order: [{ avg: { rating: ASC } }]) { nodes { key { format } } }
              byKey: booksAggregate(groupBy: [GENRE, FORMAT], order: [{ key: { format: ASC, genre: DESC } }]) { nodes { key { genre format } } }
            }
            """);

        var bySum = Books.GroupBy(b => (b.Genre, b.Format))
            .OrderByDescending(g => g.Sum(b => b.Pages)).ThenByDescending(g => g.Key.Format).ThenBy(g => g.Key.Genre)
            .Select(g => ((string?)Constant(g.Key.Genre), Name(g.Key.Format))).ToList();
        Assert.Equal(bySum, Nodes(result, "bySum").Select(GenreAndFormat));
        var byAvg = Books.GroupBy(b => b.Format).OrderBy(g => g.Average(b => (double?)b.Rating)).ThenBy(g => g.Key).Select(g => Name(g.Key)).ToList();
        Assert.Equal(byAvg, Nodes(result, "byAvg").Select(n => Text(n.GetProperty("key").GetProperty("format"))));
        var byKey = Books.GroupBy(b => (b.Genre, b.Format)).OrderBy(g => g.Key.Format).ThenByDescending(g => g.Key.Genre)
            .Select(g => ((string?)Constant(g.Key.Genre), Name(g.Key.Format))).ToList();
        Assert.Equal(byKey, Nodes(result, "byKey").Select(GenreAndFormat));
    }

    [Fact]
    public async Task Ordering_by_a_key_that_is_not_grouped_by_is_a_clear_error_before_any_sql()
    {
        var result = await fixture.ExecuteAsync("{ booksAggregate(groupBy: [GENRE], order: [{ key: { author: ASC } }]) { nodes { count } } }");

        var error = result.SingleError();
        Assert.Equal("AGGREGATE_KEY_NOT_GROUPED", GraphResult.Extension(error, "code"));
        Assert.Contains("add AUTHOR to `groupBy`", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("data").GetProperty("booksAggregate").ValueKind);
        Assert.Empty(result.Statements);
    }

    [Fact]
    public async Task Paging_forward_and_backward_returns_every_group_once_in_order_with_one_statement_per_page()
    {
        const string Forward = """
            query Page($after: String) {
              booksAggregate(groupBy: [AUTHOR, PUBLISHED_YEAR], order: [{ sum: { price: DESC } }], first: 3, after: $after) {
                nodes { key { publishedYear } count sum { price } } edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }
            """;
        const string Backward = """
            query Page($before: String) {
              booksAggregate(groupBy: [AUTHOR, PUBLISHED_YEAR], order: [{ sum: { price: DESC } }], last: 4, before: $before) {
                nodes { key { publishedYear } count sum { price } } pageInfo { hasPreviousPage startCursor }
              }
            }
            """;
        var all = await fixture.ExecuteAsync("""
            { booksAggregate(groupBy: [AUTHOR, PUBLISHED_YEAR], order: [{ sum: { price: DESC } }], first: 100) { nodes { key { publishedYear } count sum { price } } } }
            """);
        var expected = Nodes(all, "booksAggregate").Select(n => n.ToString()).ToList();

        var forward = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await fixture.ExecuteAsync(Forward, new { after });
            Assert.Single(page.Statements);
            forward.AddRange(Nodes(page, "booksAggregate").Select(n => n.ToString()));
            Assert.Equal(pages > 0, page.Data("booksAggregate.pageInfo.hasPreviousPage").GetBoolean());
            after = page.Data("booksAggregate.pageInfo.hasNextPage").GetBoolean() ? page.Data("booksAggregate.pageInfo.endCursor").GetString() : null;
            pages++;
        }
        while (after is not null);

        var backward = new List<string>();
        string? before = null;
        do
        {
            var page = await fixture.ExecuteAsync(Backward, new { before });
            backward.InsertRange(0, Nodes(page, "booksAggregate").Select(n => n.ToString()));
            before = page.Data("booksAggregate.pageInfo.hasPreviousPage").GetBoolean() ? page.Data("booksAggregate.pageInfo.startCursor").GetString() : null;
        }
        while (before is not null);

        Assert.Equal(Books.GroupBy(b => (b.AuthorId, b.PublishedOn.Year)).Count(), expected.Count);
        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
        Assert.True(pages > 2);
    }

    [Fact]
    public async Task Bad_paging_input_gets_the_paging_errors()
    {
        var cursor = await fixture.ExecuteAsync("""{ booksAggregate(groupBy: [GENRE], after: "bm90IGEgY3Vyc29y") { nodes { count } } }""");
        var size = await fixture.ExecuteAsync("{ booksAggregate(groupBy: [GENRE], first: 5000) { nodes { count } } }");
        var total = await fixture.ExecuteAsync("""{ booksAggregate(after: "WzFd") { nodes { count } } }""");

        Assert.Equal("HC0078", GraphResult.Extension(cursor.SingleError(), "code"));
        Assert.Equal("HC0051", GraphResult.Extension(size.SingleError(), "code"));
        Assert.Equal("HC0078", GraphResult.Extension(total.SingleError(), "code"));
    }

    [Fact]
    public async Task Row_rules_apply_to_the_grouped_rows()
    {
        const string Query = "{ booksAggregate(groupBy: [AUTHOR]) { nodes { key { author { name } } count sum { pages } } } }";

        var ruled = await fixture.ExecuteAsync(Query, rules: new DraftsHidden());
        var open = await fixture.ExecuteAsync(Query);

        var author = Books.Single(b => b.Id == LibraryData.DraftBookId).Author.Name;
        int Count(GraphResult result) => Nodes(result, "booksAggregate")
            .Single(n => n.GetProperty("key").GetProperty("author").GetProperty("name").GetString() == author).GetProperty("count").GetInt32();
        Assert.Equal(Books.Count(b => b.Author.Name == author && !b.IsDraft), Count(ruled));
        Assert.Equal(Books.Count(b => b.Author.Name == author), Count(open));
    }

    [Fact]
    public async Task Edges_and_nodes_may_select_different_values_and_both_are_computed()
    {
        var result = await fixture.ExecuteAsync("""
            { booksAggregate(groupBy: [GENRE], first: 1) { nodes { sum { pages } } edges { cursor node { max { price } key { genre } } } } }
            """);

        var fiction = Books.Where(b => b.Genre == Genre.Fiction).ToList();
        Assert.Equal(fiction.Sum(b => b.Pages), result.Data("booksAggregate.nodes.0.sum.pages").GetInt64());
        Assert.Equal(fiction.Max(b => b.Price), result.Data("booksAggregate.edges.0.node.max.price").GetDecimal());
        Assert.Equal("FICTION", result.Data("booksAggregate.edges.0.node.key.genre").GetString());
        Assert.Single(result.Statements);
    }

    /// <summary>Every measure's functions against the same functions over <paramref name="books"/> (LINQ's null semantics are SQL's).</summary>
    private static void AssertValues(JsonElement node, List<Book> books)
    {
        var sum = node.GetProperty("sum");
        Assert.Equal(books.Sum(b => (long)b.Pages), sum.GetProperty("pages").GetInt64());
        Assert.Equal(books.Sum(b => b.Price), sum.GetProperty("price").GetDecimal());
        Assert.Equal(books.Sum(b => b.Rating) ?? 0, sum.GetProperty("rating").GetDecimal());
        if (node.TryGetProperty("avg", out var avg) && avg.TryGetProperty("pages", out _))
        {
            Close(books.Average(b => (double)b.Pages), avg.GetProperty("pages"));
            Close(books.Average(b => (double)b.Price), avg.GetProperty("price"));
            Close(books.Average(b => (double?)b.Rating), avg.GetProperty("rating"));
            Close(books.Average(b => (double?)b.Edition), avg.GetProperty("edition"));
            var min = node.GetProperty("min");
            var max = node.GetProperty("max");
            Assert.Equal(books.Min(b => b.Pages), min.GetProperty("pages").GetInt32());
            Assert.Equal(books.Max(b => b.Pages), max.GetProperty("pages").GetInt32());
            Assert.Equal(books.Min(b => b.Price), min.GetProperty("price").GetDecimal());
            Assert.Equal(books.Max(b => b.Price), max.GetProperty("price").GetDecimal());
            Assert.Equal(books.Min(b => b.Rating), Decimal(min.GetProperty("rating")));
            Assert.Equal(books.Max(b => b.Rating), Decimal(max.GetProperty("rating")));
            Assert.Equal(books.Min(b => b.Edition), Int(min.GetProperty("edition")));
            Assert.Equal(books.Max(b => b.Edition), Int(max.GetProperty("edition")));
            var distinct = node.GetProperty("countDistinct");
            Assert.Equal(books.Select(b => b.AuthorId).Distinct().Count(), distinct.GetProperty("author").GetInt32());
            Assert.Equal(books.Where(b => b.PublisherId is not null).Select(b => b.PublisherId).Distinct().Count(), distinct.GetProperty("publisher").GetInt32());
            Assert.Equal(books.Where(b => b.Format is not null).Select(b => b.Format).Distinct().Count(), distinct.GetProperty("format").GetInt32());
            Assert.Equal(books.Select(b => b.Publisher?.Country).OfType<string>().Distinct().Count(), distinct.GetProperty("publisherCountry").GetInt32());
            Assert.Equal(books.Select(b => b.RetiredOn?.Year).OfType<int>().Distinct().Count(), distinct.GetProperty("retiredYear").GetInt32());
        }
    }

    private static void Close(double? expected, JsonElement actual)
    {
        if (expected is null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.GetDouble()) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)), $"expected {expected}, got {actual}");
    }

    private static List<JsonElement> Nodes(GraphResult result, string field) => [.. result.Data(field + ".nodes").EnumerateArray()];

    private static (string?, string?) GenreAndFormat(JsonElement node) =>
        (node.GetProperty("key").GetProperty("genre").GetString(), Text(node.GetProperty("key").GetProperty("format")));

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    private static decimal? Decimal(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private static int? Int(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    private static string Constant(Enum value) => value.ToString().ToUpperInvariant();

    private static string? Name(BookFormat? format) => format is null ? null : Constant(format.Value);
}
