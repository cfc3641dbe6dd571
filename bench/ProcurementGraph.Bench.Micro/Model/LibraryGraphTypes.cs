using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Bench.Micro.Model;

/// <summary><c>Book</c>: columns, a derived value over a relation, a computed value and two references.</summary>
internal sealed class BookGraphType : EntityGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Description = "A book.";
        HasKey(b => b.Id);
        Id("The book's global ID.");
        Value("key", b => b.Id, "The primary key.");
        Value("title", b => b.Title, "The title.");
        Value("subtitle", b => b.Subtitle, "The subtitle.");
        Value("pages", b => b.Pages, "Page count.");
        Value("price", b => b.Price, "Price.");
        Value("rating", b => b.Rating, "Average rating.");
        Value("publishedOn", b => b.PublishedOn, "Publication day.");
        Value("inPrint", b => b.InPrint, "Still in print.");
        Value("genre", b => b.Genre, "Genre.");
        Value("format", b => b.Format, "Binding.");
        Value("authorName", b => b.Author.Name, "Derived from a relation: the author's name.");
        Computed("priceLabel", b => b.Price, (price, _) => price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " EUR",
            "Computed in memory from the price.");
        Reference("author", b => b.Author, "Author", "The author.", nullable: false);
        Reference("publisher", b => b.Publisher, "Publisher", "The publisher, if any.");
    }
}

/// <summary><c>Author</c>: columns, aggregates over the books and the books as a nested connection.</summary>
internal sealed class AuthorGraphType : EntityGraphType<Author>
{
    public AuthorGraphType()
    {
        Name = "Author";
        Description = "An author.";
        HasKey(a => a.Id);
        Id("The author's global ID.");
        Value("key", a => a.Id, "The primary key.");
        Value("name", a => a.Name, "Name.");
        Value("email", a => a.Email, "E-mail address.");
        Value("birthYear", a => a.BirthYear, "Year of birth.");
        Value("bookCount", a => a.Books.Count(), "Derived aggregate: the author's books.");
        Connection("catalog", a => a.Books, "Book", "The author's books (connection).");
    }
}

/// <summary><c>Publisher</c>: columns and the books as a plain list.</summary>
internal sealed class PublisherGraphType : EntityGraphType<Publisher>
{
    public PublisherGraphType()
    {
        Name = "Publisher";
        Description = "A publisher.";
        HasKey(p => p.Id);
        Id("The publisher's global ID.");
        Value("key", p => p.Id, "The primary key.");
        Value("name", p => p.Name, "Name.");
        Value("country", p => p.Country, "Country code.");
        List("books", p => p.Books, "Book", "The publisher's books.");
    }
}
