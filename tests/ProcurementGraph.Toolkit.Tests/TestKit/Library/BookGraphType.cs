using System.Globalization;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

public sealed class BookGraphType : EntityGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Description = "A book.";
        HasKey(b => b.Id);
        Id("The book's global ID.");
        Value("key", x => x.Id, "The primary key.");
        Value("isbn", b => b.Isbn, "The ISBN.");
        Value("title", b => b.Title, "The title (NOCASE column).");
        Value("subtitle", b => b.Subtitle, "The subtitle.");
        Value("pages", b => b.Pages, "Page count.");
        Value("edition", b => b.Edition, "Edition number.");
        Value("price", b => b.Price, "Price.");
        Value("rating", b => b.Rating, "Average rating.");
        Value("publishedOn", b => b.PublishedOn, "Publication day.");
        Value("retiredOn", b => b.RetiredOn, "The day it went out of print.");
        Value("inPrint", b => b.InPrint, "Still in print.");
        Value("genre", b => b.Genre, "Genre.");
        Value("format", b => b.Format, "Binding.");
        Value("authorName", b => b.Author.Name, "Derived from a relation: the author's name.");
        Computed("priceLabel", b => b.Price, (price, _) => price.ToString("0.00", CultureInfo.InvariantCulture) + " EUR",
            "Computed in memory from the price.");
        Reference("author", b => b.Author, "Author", "The author.", nullable: false);
        Reference("publisher", b => b.Publisher, "Publisher", "The publisher, if any.");
    }
}
