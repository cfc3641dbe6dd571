namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>
/// The seed rows, built fresh on every call (navigations wired both ways) so a test can compute what a
/// query should return with LINQ to objects. Duplicates and nulls in most sortable columns on purpose;
/// titles with <c>%</c>, <c>_</c> and <c>[</c>; book 13 is a draft (hidden by <see cref="DraftsHidden"/>).
/// </summary>
public static class LibraryData
{
    public const int DraftBookId = 13;

    public static Library Build()
    {
        List<Publisher> publishers =
        [
            new() { Id = 1, Name = "Orbit Press", Country = "UK" },
            new() { Id = 2, Name = "Nova House" },
            new() { Id = 3, Name = "Quiet Books", Country = "US" },
        ];
        List<Author> authors =
        [
            new() { Id = 1, Name = "Ada Lovelace", Email = "ada@example.org", BirthYear = 1815, IsActive = true },
            new() { Id = 2, Name = "Brian Greene", BirthYear = 1963, IsActive = true },
            new() { Id = 3, Name = "Carl Sagan", Email = "carl@example.org" },
            new() { Id = 4, Name = "Dora Wells", Email = "dora@example.org", BirthYear = 1990, IsActive = true },
            new() { Id = 5, Name = "Evan Stone" },
        ];
        List<Book> books =
        [
            B(1, "Dune", null, 412, 1, 9.99m, 4.5m, new(1965, 8, 1), null, true, Genre.Fiction, BookFormat.Paperback, 5, 1),
            B(2, "The Elegant Universe", "Superstrings and Hidden Dimensions", 448, 2, 15.50m, 4.2m, new(1999, 2, 1), null, true, Genre.Science, BookFormat.Hardcover, 2, 2),
            B(3, "Cosmos", null, 396, null, 12.00m, 4.8m, new(1980, 10, 1), new(2010, 1, 1), false, Genre.Science, BookFormat.Paperback, 3, 1),
            B(4, "Pale Blue Dot", "A Vision of the Human Future in Space", 429, 1, 12.00m, null, new(1994, 11, 1), null, true, Genre.Science, null, 3, null),
            B(5, "Notes on the Analytical Engine", null, 52, null, 5.00m, 3.9m, new(1843, 1, 1), new(1900, 1, 1), false, Genre.History, null, 1, null),
            B(6, "100% Pure Fiction", "50_50 Odds", 200, 3, 9.99m, 3.0m, new(2001, 5, 5), null, true, Genre.Fiction, BookFormat.Ebook, 5, 2),
            B(7, "100 Pure Facts", "50x50 Odds", 200, 1, 7.25m, null, new(2001, 5, 5), null, true, Genre.History, BookFormat.Ebook, 5, 2),
            B(8, "snake_case Stories", null, 150, 2, 7.25m, 3.0m, new(2015, 3, 3), null, true, Genre.Fiction, BookFormat.Paperback, 2, 1),
            B(9, "snakeXcase Tales", "[draft] notes", 150, null, 20.00m, 4.5m, new(2015, 3, 3), new(2020, 12, 31), false, Genre.Fiction, BookFormat.Hardcover, 2, null),
            B(10, "The Fabric of the Cosmos", null, 576, 1, 18.00m, 4.2m, new(2004, 2, 10), null, true, Genre.Science, BookFormat.Paperback, 2, 2),
            B(11, "Contact", null, 432, null, 9.99m, 4.0m, new(1985, 9, 1), null, true, Genre.Fiction, BookFormat.Paperback, 3, 1),
            B(12, "History of Everything", "A Short One", 300, 2, 15.50m, null, new(1999, 2, 1), null, false, Genre.History, BookFormat.Hardcover, 1, null),
            B(DraftBookId, "Secret Draft", null, 99, null, 1.00m, null, new(2023, 1, 1), null, false, Genre.Science, null, 1, 1),
            B(14, "DUNE MESSIAH", "Book Two", 256, 1, 9.99m, 4.0m, new(1969, 10, 15), null, true, Genre.Fiction, BookFormat.Paperback, 5, 1),
        ];
        books[DraftBookId - 1].IsDraft = true;
        foreach (var book in books)
        {
            book.Author = authors.Single(a => a.Id == book.AuthorId);
            book.Author.Books.Add(book);
            book.Publisher = publishers.SingleOrDefault(p => p.Id == book.PublisherId);
            book.Publisher?.Books.Add(book);
        }

        return new Library(publishers, authors, books);
    }

    private static Book B(
        int id, string title, string? subtitle, int pages, int? edition, decimal price, decimal? rating, DateOnly publishedOn,
        DateOnly? retiredOn, bool inPrint, Genre genre, BookFormat? format, int authorId, int? publisherId) => new()
        {
            Id = id,
            Isbn = $"978-{id:00}",
            Title = title,
            Subtitle = subtitle,
            Pages = pages,
            Edition = edition,
            Price = price,
            Rating = rating,
            PublishedOn = publishedOn,
            RetiredOn = retiredOn,
            InPrint = inPrint,
            Genre = genre,
            Format = format,
            AuthorId = authorId,
            PublisherId = publisherId,
        };
}

/// <summary>The seed rows.</summary>
public sealed record Library(List<Publisher> Publishers, List<Author> Authors, List<Book> Books);
