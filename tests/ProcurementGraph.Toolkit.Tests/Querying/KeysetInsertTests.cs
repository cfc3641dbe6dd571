using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// Rows inserted between pages: rows sorting beyond the cursor show up, rows sorting behind it do not, and no row
/// is skipped or repeated. Inserted rows include exact ties with the cursor row on every sort value (the key decides)
/// and rows with nulls in the sort columns.
/// </summary>
public sealed class KeysetInsertTests
{
    private int _nextBefore = -1;
    private int _nextAfter = 101;

    [Theory]
    [MemberData(nameof(BookOrders.MultiKeyWithNulls), MemberType = typeof(BookOrders))]
    [InlineData("authorNameThenPrice")]
    public async Task Forward_paging_with_rows_inserted_between_pages(string order)
    {
        await using var host = await TestHost.Library().StartAsync();
        var books = LibraryData.Build().Books;
        var behind = new HashSet<int>();

        var seen = await Pager.ForwardAsync(host, BookOrders.Order(order), size: 4, between: cursorKey =>
        {
            var inserted = InsertAround(host, books, cursorKey);
            var final = BookOrders.Expected(order, books);
            var cursorAt = final.IndexOf(cursorKey);
            behind.UnionWith(inserted.Where(key => final.IndexOf(key) < cursorAt));
        });

        var expected = BookOrders.Expected(order, books).Where(key => !behind.Contains(key)).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.NotEmpty(behind);
        Assert.True(seen.Count > 14, "Rows inserted beyond the cursor were not seen.");
    }

    [Theory]
    [MemberData(nameof(BookOrders.MultiKeyWithNulls), MemberType = typeof(BookOrders))]
    [InlineData("authorNameThenPrice")]
    public async Task Backward_paging_with_rows_inserted_between_pages(string order)
    {
        await using var host = await TestHost.Library().StartAsync();
        var books = LibraryData.Build().Books;
        var behind = new HashSet<int>();

        var seen = await Pager.BackwardAsync(host, BookOrders.Order(order), size: 4, between: cursorKey =>
        {
            var inserted = InsertAround(host, books, cursorKey);
            var final = BookOrders.Expected(order, books);
            var cursorAt = final.IndexOf(cursorKey);
            behind.UnionWith(inserted.Where(key => final.IndexOf(key) > cursorAt));
        });

        var expected = BookOrders.Expected(order, books).Where(key => !behind.Contains(key)).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.NotEmpty(behind);
        Assert.True(seen.Count > 14, "Rows inserted beyond the cursor were not seen.");
    }

    /// <summary>
    /// Inserts two exact copies of the cursor row (a smaller and a larger key) and two rows with extreme or null
    /// sort values, into the database and into <paramref name="books"/>; returns their keys.
    /// </summary>
    private List<int> InsertAround(TestHost<LibrarySchema> host, List<Book> books, int cursorKey)
    {
        var cursor = books.Single(b => b.Id == cursorKey);
        var rows = new List<Book>
        {
            Copy(cursor, _nextBefore--),
            Copy(cursor, _nextAfter++),
            Copy(cursor, _nextAfter++, b => (b.Edition, b.Rating, b.Format, b.RetiredOn, b.Price, b.InPrint) = (null, null, null, null, 0.5m, false)),
            Copy(cursor, _nextBefore--, b => (b.Edition, b.Rating, b.Format, b.RetiredOn, b.Price, b.InPrint, b.PublishedOn) =
                (99, 9.9m, BookFormat.Ebook, new DateOnly(2999, 1, 1), 999m, true, new DateOnly(1000, 1, 1))),
        };
        host.Change(db => db.Books.AddRange(rows.Select(row => Copy(row, row.Id))));
        foreach (var row in rows)
        {
            row.Author = cursor.Author;
            row.Publisher = cursor.Publisher;
        }

        books.AddRange(rows);
        return [.. rows.Select(r => r.Id)];
    }

    private static Book Copy(Book book, int id, Action<Book>? change = null)
    {
        var copy = new Book
        {
            Id = id,
            Isbn = $"999-{id}",
            Title = book.Title,
            Subtitle = book.Subtitle,
            Pages = book.Pages,
            Edition = book.Edition,
            Price = book.Price,
            Rating = book.Rating,
            PublishedOn = book.PublishedOn,
            RetiredOn = book.RetiredOn,
            InPrint = book.InPrint,
            Genre = book.Genre,
            Format = book.Format,
            AuthorId = book.AuthorId,
            PublisherId = book.PublisherId,
        };
        change?.Invoke(copy);
        return copy;
    }
}
