using System.Text.RegularExpressions;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// A nested list or page reads only the rows of the owners being loaded (<c>AuthorId IN (SELECT ... owners)</c>):
/// without it the database numbers (ROW_NUMBER per owner) or materialises the whole related table for every request.
/// </summary>
public sealed partial class OwnerFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly Library Data = LibraryData.Build();

    [Fact]
    public async Task A_nested_page_under_a_root_page_is_numbered_over_the_page_owners_only()
    {
        var result = await fixture.ExecuteAsync(
            "{ authors(first: 2, order: [{ key: DESC }]) { nodes { key catalog(first: 1, order: [{ key: DESC }]) { totalCount nodes { key } } } } }");

        var sql = Assert.Single(result.Statements);
        Assert.Matches(WindowOverOwners(), sql);
        var expected = Data.Authors.OrderByDescending(a => a.Id).Take(2).ToList();
        var authors = result.Data("authors.nodes").EnumerateArray().ToList();
        Assert.Equal(expected.Select(a => a.Id), authors.Select(a => a.GetProperty("key").GetInt32()));
        foreach (var (author, node) in expected.Zip(authors))
        {
            var catalog = node.GetProperty("catalog");
            Assert.Equal(author.Books.Count, catalog.GetProperty("totalCount").GetInt32());
            Assert.Equal(
                author.Books.OrderByDescending(b => b.Id).Take(1).Select(b => b.Id),
                catalog.GetProperty("nodes").EnumerateArray().Select(b => b.GetProperty("key").GetInt32()));
        }
    }

    [Fact]
    public async Task A_nested_page_under_a_later_root_page_follows_the_cursor()
    {
        var first = await fixture.ExecuteAsync("{ authors(first: 2) { pageInfo { endCursor } } }");
        var cursor = first.Data("authors.pageInfo.endCursor").GetString();

        var result = await fixture.ExecuteAsync(
            $$"""{ authors(first: 2, after: "{{cursor}}") { nodes { key catalog(first: 50) { nodes { key } } } } }""");

        Assert.Matches(WindowOverOwners(), Assert.Single(result.Statements));
        var expected = Data.Authors.OrderBy(a => a.Id).Skip(2).Take(2).ToList();
        var authors = result.Data("authors.nodes").EnumerateArray().ToList();
        Assert.Equal(expected.Select(a => a.Id), authors.Select(a => a.GetProperty("key").GetInt32()));
        foreach (var (author, node) in expected.Zip(authors))
        {
            Assert.Equal(
                author.Books.OrderBy(b => b.Id).Select(b => b.Id),
                node.GetProperty("catalog").GetProperty("nodes").EnumerateArray().Select(b => b.GetProperty("key").GetInt32()));
        }
    }

    [Fact]
    public async Task A_nested_list_under_a_reference_reads_the_referenced_owners_only()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 3, order: [{ key: ASC }]) { nodes { key publisher { books(first: 2) { key } } } } }");

        Assert.Matches(WindowOverOwners(), Assert.Single(result.Statements));
        var expected = Data.Books.OrderBy(b => b.Id).Take(3).ToList();
        var books = result.Data("books.nodes").EnumerateArray().ToList();
        foreach (var (book, node) in expected.Zip(books))
        {
            var publisherBooks = book.Publisher?.Books.OrderBy(b => b.Id).Take(2).Select(b => b.Id);
            Assert.Equal(publisherBooks, node.GetProperty("publisher") is { ValueKind: System.Text.Json.JsonValueKind.Object } publisher
                ? publisher.GetProperty("books").EnumerateArray().Select(b => b.GetProperty("key").GetInt32())
                : null);
        }
    }

    [Fact]
    public async Task A_nested_page_in_a_batch_statement_reads_the_batch_owners_only()
    {
        var result = await fixture.ExecuteAsync(
            "{ publishers { nodes { books(first: 2, order: [{ key: ASC }]) { key author { catalog(first: 1) { nodes { key } } } } } } }");

        Assert.Equal(2, result.Statements.Count);
        Assert.Matches(WindowOverOwners(), result.Statements[1]);
        var books = result.Data("publishers.nodes").EnumerateArray().SelectMany(p => p.GetProperty("books").EnumerateArray()).ToList();
        Assert.NotEmpty(books);
        foreach (var node in books)
        {
            var author = Data.Books.Single(b => b.Id == node.GetProperty("key").GetInt32()).Author;
            Assert.Equal(
                author.Books.OrderBy(b => b.Id).Take(1).Select(b => b.Id),
                node.GetProperty("author").GetProperty("catalog").GetProperty("nodes").EnumerateArray().Select(b => b.GetProperty("key").GetInt32()));
        }
    }

    /// <summary>A row-numbering subquery whose rows are restricted to a key list read from a subquery.</summary>
    [GeneratedRegex("""ROW_NUMBER\(\) OVER\(PARTITION BY[^\n]*\n\s*FROM "Books" AS "\w+"\n(\s*(LEFT|INNER) JOIN[^\n]*\n)*\s*WHERE [^\n]*"\w+"\."\w+Id" IN \(\s*SELECT""")]
    private static partial Regex WindowOverOwners();
}
