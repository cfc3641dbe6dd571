using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// Under a paged nested list, references are read by key in the same statement (scalar subqueries: a join there would
/// need APPLY, which SQLite lacks); lists and other values that read other tables are batch-loaded: one more statement
/// per level, whatever the page size. Unpaged nested lists join everything into the same statement.
/// </summary>
public sealed class BatchLoadingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly Library Data = LibraryData.Build();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(20)]
    public async Task Relations_under_a_paged_nested_list_cost_one_statement_whatever_the_page_size(int pageSize)
    {
        var result = await fixture.ExecuteAsync(
            $"{{ authors(first: 10) {{ nodes {{ key books(first: {pageSize}, order: [{{ key: ASC }}]) {{ key authorName publisher {{ name }} }} }} }} }}");

        Assert.Equal(2, result.Statements.Count);
        var authors = result.Data("authors.nodes").EnumerateArray().ToList();
        foreach (var (author, node) in Data.Authors.Zip(authors))
        {
            var expected = author.Books.OrderBy(b => b.Id).Take(pageSize).ToList();
            var books = node.GetProperty("books").EnumerateArray().ToList();
            Assert.Equal(expected.Select(b => b.Id), books.Select(b => b.GetProperty("key").GetInt32()));
            Assert.Equal(expected.Select(b => b.Author.Name), books.Select(b => b.GetProperty("authorName").GetString()));
            Assert.Equal(expected.Select(b => b.Publisher?.Name), books.Select(b => Text(b.GetProperty("publisher"), "name")));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task References_under_a_nested_connection_are_read_in_the_same_statement_whatever_the_page_size(int pageSize)
    {
        var result = await fixture.ExecuteAsync(
            $"{{ authors {{ nodes {{ catalog(first: {pageSize}) {{ totalCount nodes {{ key author {{ initials }} publisher {{ country }} }} }} }} }} }}");

        Assert.Single(result.Statements);
        var authors = result.Data("authors.nodes").EnumerateArray().ToList();
        foreach (var (author, node) in Data.Authors.Zip(authors))
        {
            var expected = author.Books.OrderBy(b => b.Id).Take(pageSize).ToList();
            var books = node.GetProperty("catalog").GetProperty("nodes").EnumerateArray().ToList();
            Assert.Equal(expected.Select(b => b.Id), books.Select(b => b.GetProperty("key").GetInt32()));
            Assert.All(books, b => Assert.Equal(string.Concat(author.Name.Split(' ').Select(p => p[0])), b.GetProperty("author").GetProperty("initials").GetString()));
            Assert.Equal(expected.Select(b => b.Publisher?.Country), books.Select(b => Text(b.GetProperty("publisher"), "country")));
        }
    }

    [Fact]
    public async Task A_required_reference_under_a_nested_connection_is_read_with_no_existence_check()
    {
        // author: non-null, over the required AuthorId; publisher: nullable (PublisherId may be null).
        var required = await fixture.ExecuteAsync("{ authors { nodes { catalog(first: 2) { nodes { key author { initials } } } } } }");
        var optional = await fixture.ExecuteAsync("{ authors { nodes { catalog(first: 2) { nodes { key publisher { country } } } } } }");

        Assert.DoesNotContain("EXISTS", Assert.Single(required.Statements), StringComparison.Ordinal);
        Assert.Contains("EXISTS", Assert.Single(optional.Statements), StringComparison.Ordinal);
        var authors = required.Data("authors.nodes").EnumerateArray().ToList();
        foreach (var (author, node) in Data.Authors.Zip(authors))
        {
            Assert.All(node.GetProperty("catalog").GetProperty("nodes").EnumerateArray(), b =>
                Assert.Equal(string.Concat(author.Name.Split(' ').Select(p => p[0])), b.GetProperty("author").GetProperty("initials").GetString()));
        }
    }

    [Fact]
    public async Task Each_batch_loaded_level_adds_one_statement()
    {
        var result = await fixture.ExecuteAsync("""
            {
              authors {
                nodes {
                  books(first: 3, order: [{ key: ASC }]) {
                    key
                    publisher { name books(first: 1, order: [{ key: DESC }]) { key author { name books(first: 1) { key } } } }
                  }
                }
              }
            }
            """);

        // The root, then one batch per level of paged lists: publisher.books, author.books (references are read by key).
        Assert.Equal(3, result.Statements.Count);
        var evan = result.Data("authors.nodes.4.books");
        Assert.Equal([1, 6, 7], evan.EnumerateArray().Select(b => b.GetProperty("key").GetInt32()));
        var orbitLatest = evan[0].GetProperty("publisher").GetProperty("books")[0];
        Assert.Equal(14, orbitLatest.GetProperty("key").GetInt32());
        Assert.Equal("Evan Stone", orbitLatest.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal([1], orbitLatest.GetProperty("author").GetProperty("books").EnumerateArray().Select(b => b.GetProperty("key").GetInt32()));
        Assert.Equal("Brian Greene", evan[1].GetProperty("publisher").GetProperty("books")[0].GetProperty("author").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Relations_under_an_unpaged_nested_list_are_joined()
    {
        var result = await fixture.ExecuteAsync("{ authors { nodes { books(order: [{ key: ASC }]) { key authorName publisher { name } } } } }");

        Assert.Single(result.Statements);
        var books = result.Data("authors.nodes.1.books").EnumerateArray().ToList();
        Assert.Equal(["Nova House", "Orbit Press", null, "Nova House"], books.Select(b => Text(b.GetProperty("publisher"), "name")));
        Assert.All(books, b => Assert.Equal("Brian Greene", b.GetProperty("authorName").GetString()));
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();
}
