namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>
/// Named sorts: the GraphQL <c>order</c> argument and the same order in LINQ to objects (nulls first ascending, last
/// descending, as SQLite orders them; names compared as SQLite's NOCASE does; the key appended last).
/// </summary>
public static class BookOrders
{
    private static readonly Dictionary<string, (string Order, Func<IEnumerable<Book>, IOrderedEnumerable<Book>> Linq)> Orders = new()
    {
        ["pages"] = ("[{ pages: ASC }]", b => b.OrderBy(x => x.Pages)),
        ["pagesDesc"] = ("[{ pages: DESC }]", b => b.OrderByDescending(x => x.Pages)),
        ["editionThenRatingDesc"] = ("[{ edition: ASC }, { rating: DESC }]", b => b.OrderBy(x => x.Edition).ThenByDescending(x => x.Rating)),
        ["ratingDescThenEditionDesc"] = ("[{ rating: DESC }, { edition: DESC }]", b => b.OrderByDescending(x => x.Rating).ThenByDescending(x => x.Edition)),
        ["formatDescThenPublished"] = ("[{ format: DESC }, { publishedOn: ASC }]", b => b.OrderByDescending(x => x.Format).ThenBy(x => x.PublishedOn)),
        ["inPrintThenRetiredDesc"] = ("[{ inPrint: ASC }, { retiredOn: DESC }]", b => b.OrderBy(x => x.InPrint).ThenByDescending(x => x.RetiredOn)),
        ["inPrintDescThenRetired"] = ("[{ inPrint: DESC }, { retiredOn: ASC }]", b => b.OrderByDescending(x => x.InPrint).ThenBy(x => x.RetiredOn)),
        ["genrePriceDescSubtitle"] = ("[{ genre: ASC }, { price: DESC }, { subtitle: ASC }]",
            b => b.OrderBy(x => x.Genre).ThenByDescending(x => x.Price).ThenBy(x => x.Subtitle?.ToLowerInvariant(), StringComparer.Ordinal)),
        ["titleDesc"] = ("[{ title: DESC }]", b => b.OrderByDescending(x => x.Title.ToLowerInvariant(), StringComparer.Ordinal)),
        ["authorNameThenPrice"] = ("[{ author: { name: ASC } }, { price: ASC }]",
            b => b.OrderBy(x => x.Author.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(x => x.Price)),
        ["publisherCountryDescThenPages"] = ("[{ publisher: { country: DESC } }, { pages: DESC }]",
            b => b.OrderByDescending(x => x.Publisher?.Country, StringComparer.Ordinal).ThenByDescending(x => x.Pages)),
    };

    public static TheoryData<string> Names => [.. Orders.Keys];

    /// <summary>The sorts used for paging: several keys, with duplicates and nulls.</summary>
    public static TheoryData<string> MultiKeyWithNulls =>
        ["editionThenRatingDesc", "ratingDescThenEditionDesc", "formatDescThenPublished", "inPrintThenRetiredDesc", "inPrintDescThenRetired"];

    public static string Order(string name) => Orders[name].Order;

    /// <summary>The keys of <paramref name="books"/> in the named order, the key appended as the last sort key.</summary>
    public static List<int> Expected(string name, IEnumerable<Book> books) => [.. Orders[name].Linq(books).ThenBy(b => b.Id).Select(b => b.Id)];
}
