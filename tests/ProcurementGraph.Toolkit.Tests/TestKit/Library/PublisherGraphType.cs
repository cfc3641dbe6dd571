using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

public sealed class PublisherGraphType : EntityGraphType<Publisher>
{
    public PublisherGraphType()
    {
        Name = "Publisher";
        Description = "A publisher.";
        HasKey(p => p.Id);
        Id("The publisher's global ID.");
        Value("key", x => x.Id, "The primary key.");
        Value("name", p => p.Name, "Name.");
        Value("country", p => p.Country, "Country code.");
        Value("bookCount", p => p.Books.Count, "Derived aggregate: the publisher's books (the List.Count property).");
        List("books", p => p.Books, "Book", "The publisher's books.");
        KeyedConnection("inPrint", (Book b) => b.InPrint, b => b.PublisherId, p => (int?)p.Id, "Book",
            "The publisher's books in print, by key descending unless ordered (a keyed relation: no navigation).", keyDescending: true);
    }
}
