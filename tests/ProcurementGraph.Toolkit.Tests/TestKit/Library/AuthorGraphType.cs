using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

public sealed class AuthorGraphType : EntityGraphType<Author>
{
    public AuthorGraphType()
    {
        Name = "Author";
        Description = "An author.";
        HasKey(a => a.Id);
        Id("The author's global ID.");
        Value("key", x => x.Id, "The primary key.");
        Value("name", a => a.Name, "Name (NOCASE column).");
        Value("email", a => a.Email, "E-mail address.");
        Value("birthYear", a => a.BirthYear, "Year of birth.");
        Value("isActive", a => a.IsActive, "Still writing.");
        Value("bookCount", a => a.Books.Count(), "Derived aggregate: the author's books.");
        Value("totalPages", a => a.Books.Sum(b => b.Pages), "Derived aggregate: pages over all books.");
        Hundredths("hundredsOfPages", a => a.Books.Sum(b => (long)b.Pages), "Derived, a decimal kept in hundredths: pages over all books / 100.");
        Computed("initials", a => a.Name, (name, _) => string.Concat(name.Split(' ').Select(part => part[0])),
            "Computed in memory from the name.");
        List("books", a => a.Books, "Book", "The author's books (plain list).");
        Connection("catalog", a => a.Books, "Book", "The author's books (connection).");
    }
}
