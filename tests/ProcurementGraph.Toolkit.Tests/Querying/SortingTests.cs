using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary><c>order: [XSortInput!]</c>: several keys in order, DESC, nested object keys, nulls; the primary key appended.</summary>
public sealed class SortingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [MemberData(nameof(BookOrders.Names), MemberType = typeof(BookOrders))]
    public async Task Rows_come_in_the_requested_order(string order)
    {
        var result = await fixture.ExecuteAsync($"{{ books(first: 100, order: {BookOrders.Order(order)}) {{ nodes {{ key }} }} }}");

        Assert.Equal(BookOrders.Expected(order, LibraryData.Build().Books), result.Keys("books.nodes"));
        Assert.Single(result.Statements);
    }

    [Fact]
    public async Task Duplicate_sort_values_are_ordered_by_the_key_in_both_directions()
    {
        var ascending = await fixture.ExecuteAsync("{ books(first: 100, order: [{ pages: ASC }]) { nodes { key } } }");
        var descending = await fixture.ExecuteAsync("{ books(first: 100, order: [{ pages: DESC }]) { nodes { key } } }");

        // 8 and 9 have 150 pages, 6 and 7 have 200: the key breaks the tie, ascending, whatever the direction.
        Assert.Equal([5, 13, 8, 9, 6, 7, 14, 12, 3, 1, 4, 11, 2, 10], ascending.Keys("books.nodes"));
        Assert.Equal([10, 2, 11, 4, 1, 3, 12, 14, 6, 7, 8, 9, 13, 5], descending.Keys("books.nodes"));
        Assert.Contains("ORDER BY \"b\".\"Pages\" DESC, \"b\".\"Id\"", descending.Statements[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_fields_in_one_sort_object_apply_in_the_order_the_query_writes_them()
    {
        var genreFirst = await fixture.ExecuteAsync("{ books(first: 100, order: [{ genre: ASC, price: DESC }]) { nodes { key } } }");
        var priceFirst = await fixture.ExecuteAsync("{ books(first: 100, order: [{ price: DESC, genre: ASC }]) { nodes { key } } }");

        Assert.Contains("ORDER BY \"b\".\"Genre\", \"b\".\"Price\"", genreFirst.Statements[0], StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"b\".\"Price\"", priceFirst.Statements[0], StringComparison.Ordinal);
        Assert.NotEqual(genreFirst.Keys("books.nodes"), priceFirst.Keys("books.nodes"));
    }

    [Fact]
    public async Task The_key_alone_orders_when_no_order_is_given()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 100) { nodes { key } } }");

        Assert.Equal(Queries.AllBooks, result.Keys("books.nodes"));
    }

    [Fact]
    public async Task Nulls_come_first_ascending_and_last_descending()
    {
        var ascending = await fixture.ExecuteAsync("{ books(first: 100, order: [{ edition: ASC }]) { nodes { key edition } } }");
        var descending = await fixture.ExecuteAsync("{ books(first: 100, order: [{ edition: DESC }]) { nodes { key edition } } }");

        Assert.Equal([3, 5, 9, 11, 13], ascending.Keys("books.nodes").Take(5));
        Assert.All(ascending.Strings("books.nodes", "edition").Take(5), Assert.Null);
        Assert.All(descending.Strings("books.nodes", "edition").TakeLast(5), Assert.Null);
        Assert.Equal([3, 5, 9, 11, 13], descending.Keys("books.nodes").TakeLast(5));
    }

    [Fact]
    public async Task A_nested_object_key_sorts_by_the_related_row()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 100, order: [{ author: { name: DESC } }]) { nodes { key author { name } } } }");

        var names = result.Data("books.nodes").EnumerateArray().Select(n => n.GetProperty("author").GetProperty("name").GetString()).ToList();
        Assert.Equal(["Evan Stone", "Evan Stone", "Evan Stone", "Evan Stone", "Carl Sagan"], names.Take(5));
        Assert.Equal([1, 6, 7, 14, 3, 4, 11, 2, 8, 9, 10, 5, 12, 13], result.Keys("books.nodes"));
    }

    [Fact]
    public async Task A_derived_aggregate_value_is_a_sort_key()
    {
        var result = await fixture.ExecuteAsync("{ authors(order: [{ bookCount: DESC }]) { nodes { key } } }");

        Assert.Equal([2, 5, 1, 3, 4], result.Keys("authors.nodes"));
    }

    [Fact]
    public async Task Sort_and_filter_combine()
    {
        var result = await fixture.ExecuteAsync("{ books(where: { genre: { eq: SCIENCE } }, order: [{ price: DESC }]) { nodes { key } } }");

        Assert.Equal([10, 2, 3, 4, 13], result.Keys("books.nodes"));
    }
}
