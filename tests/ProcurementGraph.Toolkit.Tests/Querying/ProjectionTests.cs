using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>The selection set becomes one <c>Select</c> of exactly the requested columns, relations included.</summary>
public sealed class ProjectionTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly Library Data = LibraryData.Build();

    [Fact]
    public async Task Only_requested_columns_are_read()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 3) { nodes { title } } }");

        Assert.Equal(["Dune", "The Elegant Universe", "Cosmos"], result.Strings("books.nodes", "title"));
        var sql = Assert.Single(result.Statements);
        Assert.Contains("\"Title\"", sql, StringComparison.Ordinal);
        foreach (var column in new[] { "Subtitle", "Price", "Pages", "Isbn", "Rating", "Genre", "PublishedOn", "AuthorId" })
        {
            Assert.DoesNotContain($"\"{column}\"", sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nested_references_are_joined_into_the_same_statement()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 100) { nodes { key author { name } publisher { name country } } } }");

        var nodes = result.Data("books.nodes").EnumerateArray().ToList();
        Assert.Equal(Data.Books.Select(b => b.Author.Name), nodes.Select(n => n.GetProperty("author").GetProperty("name").GetString()));
        Assert.Equal(Data.Books.Select(b => b.Publisher?.Name), nodes.Select(n => Text(n.GetProperty("publisher"), "name")));
        Assert.Equal(Data.Books.Select(b => b.Publisher?.Country), nodes.Select(n => Text(n.GetProperty("publisher"), "country")));
        var sql = Assert.Single(result.Statements);
        Assert.Contains("JOIN \"Authors\"", sql, StringComparison.Ordinal);
        Assert.Contains("JOIN \"Publishers\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Email\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_list_keeps_its_where_order_and_first_in_the_same_statement()
    {
        var result = await fixture.ExecuteAsync("""
            {
              authors(first: 10) {
                nodes {
                  key
                  books(where: { pages: { gt: 100 } }, order: [{ pages: DESC }], first: 2) { key pages }
                  all: books { key }
                }
              }
            }
            """);

        var authors = result.Data("authors.nodes").EnumerateArray().ToList();
        foreach (var (author, node) in Data.Authors.Zip(authors))
        {
            var expected = author.Books.Where(b => b.Pages > 100).OrderByDescending(b => b.Pages).ThenBy(b => b.Id).Take(2).Select(b => b.Id);
            Assert.Equal(expected, node.GetProperty("books").EnumerateArray().Select(b => b.GetProperty("key").GetInt32()));
            Assert.Equal(author.Books.Select(b => b.Id).Order(), node.GetProperty("all").EnumerateArray().Select(b => b.GetProperty("key").GetInt32()).Order());
        }

        Assert.Equal([10, 2], result.Keys("authors.nodes.1.books"));
        Assert.Single(result.Statements);
    }

    [Fact]
    public async Task A_nested_connection_pages_with_its_own_arguments_in_the_same_statement()
    {
        const string Query = """
            query($after: String) {
              authors(where: { key: { eq: 5 } }) {
                nodes {
                  catalog(first: 2, after: $after, where: { genre: { eq: FICTION } }, order: [{ publishedOn: ASC }]) {
                    totalCount
                    pageInfo { hasNextPage hasPreviousPage endCursor }
                    edges { cursor node { key title } }
                  }
                }
              }
            }
            """;

        var page1 = await fixture.ExecuteAsync(Query);
        var after = page1.Data("authors.nodes.0.catalog.pageInfo.endCursor").GetString();
        var page2 = await fixture.ExecuteAsync(Query, new { after });

        Assert.Equal([1, 14], Keys(page1.Data("authors.nodes.0.catalog.edges")));
        Assert.Equal(3, page1.Data("authors.nodes.0.catalog.totalCount").GetInt32());
        Assert.True(page1.Data("authors.nodes.0.catalog.pageInfo.hasNextPage").GetBoolean());
        Assert.False(page1.Data("authors.nodes.0.catalog.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Single(page1.Statements);
        Assert.Equal([6], Keys(page2.Data("authors.nodes.0.catalog.edges")));
        Assert.Equal(3, page2.Data("authors.nodes.0.catalog.totalCount").GetInt32());
        Assert.False(page2.Data("authors.nodes.0.catalog.pageInfo.hasNextPage").GetBoolean());
        Assert.True(page2.Data("authors.nodes.0.catalog.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Single(page2.Statements);
    }

    [Fact]
    public async Task A_nested_connection_pages_backward_per_parent()
    {
        var result = await fixture.ExecuteAsync("{ authors { nodes { key catalog(last: 1, order: [{ pages: ASC }]) { totalCount nodes { key } } } } }");

        var authors = result.Data("authors.nodes").EnumerateArray().ToList();
        foreach (var (author, node) in Data.Authors.Zip(authors))
        {
            var expected = author.Books.OrderBy(b => b.Pages).ThenBy(b => b.Id).TakeLast(1).Select(b => b.Id);
            Assert.Equal(expected, Keys(node.GetProperty("catalog").GetProperty("nodes")));
            Assert.Equal(author.Books.Count, node.GetProperty("catalog").GetProperty("totalCount").GetInt32());
        }

        Assert.Single(result.Statements);
    }

    [Fact]
    public async Task A_computed_field_loads_its_input_column_even_when_not_selected()
    {
        var books = await fixture.ExecuteAsync("{ books(where: { key: { in: [1, 7] } }) { nodes { priceLabel } } }");
        var authors = await fixture.ExecuteAsync("{ authors { nodes { initials } } }");

        Assert.Equal(["9.99 EUR", "7.25 EUR"], books.Strings("books.nodes", "priceLabel"));
        Assert.Contains("\"Price\"", Assert.Single(books.Statements), StringComparison.Ordinal);
        Assert.Equal(["AL", "BG", "CS", "DW", "ES"], authors.Strings("authors.nodes", "initials"));
        Assert.Contains("\"Name\"", Assert.Single(authors.Statements), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Derived_aggregate_values_are_computed_in_sql()
    {
        var result = await fixture.ExecuteAsync("{ authors { nodes { key bookCount totalPages } } publishers { nodes { bookCount } } }");

        Assert.Equal(Data.Authors.Select(a => a.Books.Count), result.Data("authors.nodes").EnumerateArray().Select(n => n.GetProperty("bookCount").GetInt32()));
        Assert.Equal(Data.Authors.Select(a => a.Books.Sum(b => b.Pages)), result.Data("authors.nodes").EnumerateArray().Select(n => n.GetProperty("totalPages").GetInt32()));
        Assert.Equal([6, 4, 0], result.Data("publishers.nodes").EnumerateArray().Select(n => n.GetProperty("bookCount").GetInt32()));
        Assert.Equal(2, result.Statements.Count); // one per root field
        Assert.Contains("COUNT(*)", result.Statements[0], StringComparison.Ordinal);
        Assert.Contains("SUM(", result.Statements[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fragments_aliases_skip_and_include_shape_the_projection()
    {
        var result = await fixture.ExecuteAsync(
            """
            query($withIsbn: Boolean!, $withSubtitle: Boolean!) {
              books(where: { key: { eq: 2 } }) {
                nodes {
                  ...Names
                  ... on Book { pages }
                  heading: title
                  price @skip(if: true)
                  rating @include(if: false)
                  isbn @include(if: $withIsbn)
                  subtitle @include(if: $withSubtitle)
                  author { ...AuthorName }
                }
              }
            }
            fragment Names on Book { title }
            fragment AuthorName on Author { who: name }
            """,
            new { withIsbn = false, withSubtitle = true });

        var node = result.Data("books.nodes.0");
        Assert.Equal("The Elegant Universe", node.GetProperty("title").GetString());
        Assert.Equal("The Elegant Universe", node.GetProperty("heading").GetString());
        Assert.Equal(448, node.GetProperty("pages").GetInt32());
        Assert.Equal("Superstrings and Hidden Dimensions", node.GetProperty("subtitle").GetString());
        Assert.Equal("Brian Greene", node.GetProperty("author").GetProperty("who").GetString());
        Assert.False(node.TryGetProperty("price", out _));
        Assert.False(node.TryGetProperty("isbn", out _));
        var sql = Assert.Single(result.Statements);
        Assert.Contains("\"Pages\"", sql, StringComparison.Ordinal);
        Assert.Contains("\"Subtitle\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Price\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Rating\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Isbn\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aliases_of_one_list_field_with_different_arguments_are_projected_apart()
    {
        var result = await fixture.ExecuteAsync("""
            {
              authors(where: { key: { eq: 2 } }) {
                nodes {
                  shortest: books(order: [{ pages: ASC }], first: 1) { title }
                  longest: books(order: [{ pages: DESC }], first: 1) { title }
                  science: catalog(where: { genre: { eq: SCIENCE } }) { totalCount }
                  fiction: catalog(where: { genre: { eq: FICTION } }) { totalCount }
                }
              }
            }
            """);

        var node = result.Data("authors.nodes.0");
        Assert.Equal("snake_case Stories", node.GetProperty("shortest")[0].GetProperty("title").GetString());
        Assert.Equal("The Fabric of the Cosmos", node.GetProperty("longest")[0].GetProperty("title").GetString());
        Assert.Equal(2, node.GetProperty("science").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, node.GetProperty("fiction").GetProperty("totalCount").GetInt32());
        Assert.Single(result.Statements);
    }

    [Fact]
    public async Task Nodes_and_edges_node_are_projected_together()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 2) { nodes { title } edges { cursor node { key pages } } } }");

        Assert.Equal(["Dune", "The Elegant Universe"], result.Strings("books.nodes", "title"));
        Assert.Equal([412, 448], result.Data("books.edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("pages").GetInt32()));
        Assert.Single(result.Statements);
    }

    [Fact]
    public async Task A_lookup_projects_one_row()
    {
        var found = await fixture.ExecuteAsync("""{ book(isbn: "978-03") { title author { name } } }""");
        var missing = await fixture.ExecuteAsync("""{ book(isbn: "nope") { title } }""");

        Assert.Equal("Cosmos", found.Data("book.title").GetString());
        Assert.Equal("Carl Sagan", found.Data("book.author.name").GetString());
        Assert.DoesNotContain("\"Pages\"", Assert.Single(found.Statements), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, missing.Data("book").ValueKind);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();

    private static List<int> Keys(JsonElement list) =>
        [.. list.EnumerateArray().Select(e => (e.TryGetProperty("node", out var node) ? node : e).GetProperty("key").GetInt32())];
}
