using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>Keyset paging forward and backward through every row, with multi-key sorts including nulls and duplicates.</summary>
public sealed class KeysetPagingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [MemberData(nameof(BookOrders.Names), MemberType = typeof(BookOrders))]
    public async Task Forward_paging_visits_every_row_once_in_order(string order)
    {
        var expected = BookOrders.Expected(order, LibraryData.Build().Books);

        Assert.Equal(expected, await Pager.ForwardAsync(fixture, BookOrders.Order(order), size: 3));
        Assert.Equal(expected, await Pager.ForwardAsync(fixture, BookOrders.Order(order), size: 1));
    }

    [Theory]
    [MemberData(nameof(BookOrders.Names), MemberType = typeof(BookOrders))]
    public async Task Backward_paging_visits_every_row_once_in_order(string order)
    {
        var expected = BookOrders.Expected(order, LibraryData.Build().Books);

        Assert.Equal(expected, await Pager.BackwardAsync(fixture, BookOrders.Order(order), size: 3));
        Assert.Equal(expected, await Pager.BackwardAsync(fixture, BookOrders.Order(order), size: 1));
    }

    [Fact]
    public async Task Page_info_flags_and_cursors()
    {
        const string Query = """
            query($after: String, $before: String, $first: Int, $last: Int) {
              books(first: $first, after: $after, last: $last, before: $before, order: [{ price: ASC }]) {
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { key } }
              }
            }
            """;
        var host = fixture;
        var expected = LibraryData.Build().Books.OrderBy(b => b.Price).ThenBy(b => b.Id).Select(b => b.Id).ToList();

        var first = await host.ExecuteAsync(Query, new { first = 5 });
        AssertPage(first, expected[..5], hasNext: true, hasPrevious: false);

        var middle = await host.ExecuteAsync(Query, new { first = 5, after = EndCursor(first) });
        AssertPage(middle, expected[5..10], hasNext: true, hasPrevious: true);

        var last = await host.ExecuteAsync(Query, new { first = 5, after = EndCursor(middle) });
        AssertPage(last, expected[10..], hasNext: false, hasPrevious: true);

        var tail = await host.ExecuteAsync(Query, new { last = 4 });
        AssertPage(tail, expected[10..], hasNext: false, hasPrevious: true);

        var beforeTail = await host.ExecuteAsync(Query, new { last = 20, before = StartCursor(tail) });
        AssertPage(beforeTail, expected[..10], hasNext: true, hasPrevious: false);

        var between = await host.ExecuteAsync(Query, new { first = 20, after = EndCursor(first), before = StartCursor(tail) });
        AssertPage(between, expected[5..10], hasNext: null, hasPrevious: true);
    }

    [Fact]
    public async Task First_and_last_together_keep_the_last_of_the_first()
    {
        var result = await fixture.ExecuteAsync(
            "{ books(first: 5, last: 2, order: [{ pages: ASC }]) { pageInfo { hasNextPage hasPreviousPage } nodes { key } } }");

        Assert.Equal([9, 6], result.Keys("books.nodes"));
        Assert.True(result.Data("books.pageInfo.hasNextPage").GetBoolean());
        Assert.True(result.Data("books.pageInfo.hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Paging_after_a_filter_stays_inside_the_filter()
    {
        var page1 = await fixture.ExecuteAsync(
            "{ books(first: 2, where: { genre: { eq: SCIENCE } }, order: [{ price: DESC }]) { totalCount pageInfo { endCursor } nodes { key } } }");
        var after = Pager.Cursor(page1.Data("books.pageInfo"), "endCursor");
        var page2 = await fixture.ExecuteAsync(
            $$"""{ books(first: 10, after: "{{after}}", where: { genre: { eq: SCIENCE } }, order: [{ price: DESC }]) { totalCount nodes { key } } }""");

        Assert.Equal([10, 2], page1.Keys("books.nodes"));
        Assert.Equal([3, 4, 13], page2.Keys("books.nodes"));
        Assert.Equal(5, page2.Data("books.totalCount").GetInt32());
    }

    private static void AssertPage(GraphResult result, List<int> keys, bool? hasNext, bool hasPrevious)
    {
        var edges = result.Data("books.edges").EnumerateArray().ToList();
        var info = result.Data("books.pageInfo");
        Assert.Equal(keys, edges.Select(e => e.GetProperty("node").GetProperty("key").GetInt32()));
        if (hasNext is { } next)
        {
            Assert.Equal(next, info.GetProperty("hasNextPage").GetBoolean());
        }

        Assert.Equal(hasPrevious, info.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(edges[0].GetProperty("cursor").GetString(), info.GetProperty("startCursor").GetString());
        Assert.Equal(edges[^1].GetProperty("cursor").GetString(), info.GetProperty("endCursor").GetString());
    }

    private static string? EndCursor(GraphResult result) => Pager.Cursor(result.Data("books.pageInfo"), "endCursor");

    private static string? StartCursor(GraphResult result) => Pager.Cursor(result.Data("books.pageInfo"), "startCursor");
}
