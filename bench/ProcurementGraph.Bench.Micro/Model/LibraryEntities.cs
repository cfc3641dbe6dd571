namespace ProcurementGraph.Bench.Micro.Model;

// A cut-down copy of the toolkit tests' library model (tests/ProcurementGraph.Toolkit.Tests/Querying/TestKit):
// enough kinds of columns (text, numbers, decimals, dates, enums, nullable ones) and relations (a required and an
// optional reference, a to-many list) to exercise every builder of the toolkit.

/// <summary>A book's genre (an enum column).</summary>
internal enum Genre
{
    Fiction,
    Science,
    History,
}

/// <summary>A book's binding (a nullable enum column).</summary>
internal enum BookFormat
{
    Hardcover,
    Paperback,
    Ebook,
}

/// <summary>Publishes books.</summary>
internal sealed class Publisher
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Country { get; set; }

    public List<Book> Books { get; set; } = [];
}

/// <summary>Writes books.</summary>
internal sealed class Author
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Email { get; set; }

    public int? BirthYear { get; set; }

    public List<Book> Books { get; set; } = [];
}

/// <summary>A book: one author, at most one publisher.</summary>
internal sealed class Book
{
    public int Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Subtitle { get; set; }

    public int Pages { get; set; }

    public decimal Price { get; set; }

    public decimal? Rating { get; set; }

    public DateOnly PublishedOn { get; set; }

    public bool InPrint { get; set; }

    public Genre Genre { get; set; }

    public BookFormat? Format { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    public int? PublisherId { get; set; }

    public Publisher? Publisher { get; set; }
}
