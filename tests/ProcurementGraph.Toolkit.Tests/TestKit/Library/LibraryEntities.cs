namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>A book's genre (an enum column).</summary>
public enum Genre
{
    Fiction,
    Science,
    History,
}

/// <summary>A book's binding (a nullable enum column).</summary>
public enum BookFormat
{
    Hardcover,
    Paperback,
    Ebook,
}

/// <summary>Publishes books.</summary>
public sealed class Publisher
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Country { get; set; }

    public List<Book> Books { get; set; } = [];
}

/// <summary>Writes books.</summary>
public sealed class Author
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Email { get; set; }

    public int? BirthYear { get; set; }

    public bool IsActive { get; set; }

    public List<Book> Books { get; set; } = [];
}

/// <summary>A book: one author, at most one publisher; every kind of column the toolkit binds.</summary>
public sealed class Book
{
    public int Id { get; set; }

    public string Isbn { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Subtitle { get; set; }

    public int Pages { get; set; }

    public int? Edition { get; set; }

    public decimal Price { get; set; }

    public decimal? Rating { get; set; }

    public DateOnly PublishedOn { get; set; }

    public DateOnly? RetiredOn { get; set; }

    public bool InPrint { get; set; }

    public Genre Genre { get; set; }

    public BookFormat? Format { get; set; }

    /// <summary>Hidden from callers by <see cref="DraftsHidden"/>.</summary>
    public bool IsDraft { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    public int? PublisherId { get; set; }

    public Publisher? Publisher { get; set; }
}
