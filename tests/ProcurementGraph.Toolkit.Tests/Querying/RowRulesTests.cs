using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// An <c>IRowRules</c> hiding draft books: hidden at the root, in nested lists and connections, in aggregates,
/// in list filters, in batch-loaded levels, in lookups and in <c>node</c>/<c>nodes</c>. Without rules the draft shows.
/// </summary>
public sealed class RowRulesTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly DraftsHidden Rules = new();
    private static readonly int Draft = LibraryData.DraftBookId;

    [Fact]
    public async Task Hidden_rows_are_not_at_the_root_nor_counted()
    {
        const string Query = "{ books(first: 100) { totalCount nodes { key } } }";

        var ruled = await fixture.ExecuteAsync(Query, rules: Rules);
        var open = await fixture.ExecuteAsync(Query);

        Assert.Equal(Queries.AllBut(Draft), ruled.Keys("books.nodes"));
        Assert.Equal(13, ruled.Data("books.totalCount").GetInt32());
        Assert.Contains(Draft, open.Keys("books.nodes"));
    }

    [Fact]
    public async Task Hidden_rows_are_not_in_nested_lists_or_connections()
    {
        const string Query = """
            {
              authors(where: { key: { eq: 1 } }) {
                nodes {
                  books { key }
                  paged: books(first: 10) { key }
                  catalog { totalCount nodes { key } }
                }
              }
              publishers(where: { key: { eq: 1 } }) { nodes { books { key } } }
            }
            """;

        var ruled = await fixture.ExecuteAsync(Query, rules: Rules);
        var open = await fixture.ExecuteAsync(Query);

        Assert.Equal([5, 12], ruled.Keys("authors.nodes.0.books"));
        Assert.Equal([5, 12], ruled.Keys("authors.nodes.0.paged"));
        Assert.Equal([5, 12], ruled.Keys("authors.nodes.0.catalog.nodes"));
        Assert.Equal(2, ruled.Data("authors.nodes.0.catalog.totalCount").GetInt32());
        Assert.DoesNotContain(Draft, ruled.Keys("publishers.nodes.0.books"));
        Assert.Equal([5, 12, Draft], open.Keys("authors.nodes.0.books"));
        Assert.Contains(Draft, open.Keys("publishers.nodes.0.books"));
    }

    [Fact]
    public async Task Hidden_rows_are_not_in_aggregates_of_derived_values()
    {
        const string Query = "{ authors(where: { key: { eq: 1 } }) { nodes { bookCount totalPages } } publishers(where: { key: { eq: 1 } }) { nodes { bookCount } } }";

        var ruled = await fixture.ExecuteAsync(Query, rules: Rules);
        var open = await fixture.ExecuteAsync(Query);

        Assert.Equal(2, ruled.Data("authors.nodes.0.bookCount").GetInt32());
        Assert.Equal(352, ruled.Data("authors.nodes.0.totalPages").GetInt32());
        Assert.Equal(5, ruled.Data("publishers.nodes.0.bookCount").GetInt32());
        Assert.Equal(3, open.Data("authors.nodes.0.bookCount").GetInt32());
        Assert.Equal(451, open.Data("authors.nodes.0.totalPages").GetInt32());
        Assert.Equal(6, open.Data("publishers.nodes.0.bookCount").GetInt32());
    }

    [Fact]
    public async Task Hidden_rows_count_neither_in_filters_nor_in_sorts_on_aggregates()
    {
        const string Query = """
            {
              drafts: authors(where: { books: { some: { title: { eq: "secret draft" } } } }) { nodes { key } }
              three: authors(where: { bookCount: { eq: 3 } }) { nodes { key } }
            }
            """;

        var ruled = await fixture.ExecuteAsync(Query, rules: Rules);
        var open = await fixture.ExecuteAsync(Query);

        Assert.Empty(ruled.Keys("drafts.nodes"));
        Assert.Equal([3], ruled.Keys("three.nodes"));
        Assert.Equal([1], open.Keys("drafts.nodes"));
        Assert.Equal([1, 3], open.Keys("three.nodes"));
    }

    [Fact]
    public async Task Hidden_rows_are_not_in_batch_loaded_levels()
    {
        // Book 3 → Carl Sagan → his books, paged: their publisher waits for the batch statement.
        const string Query = "{ books(where: { key: { eq: 3 } }) { nodes { author { books(first: 5) { key publisher { bookCount books { key } } } } } } }";

        var ruled = await fixture.ExecuteAsync(Query, rules: Rules);
        var open = await fixture.ExecuteAsync(Query);

        Assert.Equal(2, ruled.Statements.Count);
        Assert.Equal(5, ruled.Data("books.nodes.0.author.books.0.publisher.bookCount").GetInt32());
        Assert.DoesNotContain(Draft, ruled.Keys("books.nodes.0.author.books.0.publisher.books"));
        Assert.Equal(6, open.Data("books.nodes.0.author.books.0.publisher.bookCount").GetInt32());
        Assert.Contains(Draft, open.Keys("books.nodes.0.author.books.0.publisher.books"));
    }

    [Fact]
    public async Task Hidden_rows_are_null_in_node_nodes_and_lookups()
    {
        var id = Queries.BookId(Draft);
        var node = $$"""{ node(id: "{{id}}") { id } nodes(ids: ["{{id}}", "{{Queries.BookId(1)}}"]) { id } book(isbn: "978-13") { title } }""";

        var ruled = await fixture.ExecuteAsync(node, rules: Rules);
        var open = await fixture.ExecuteAsync(node);

        Assert.Equal(JsonValueKind.Null, ruled.Data("node").ValueKind);
        Assert.Equal(JsonValueKind.Null, ruled.Data("nodes.0").ValueKind);
        Assert.Equal(Queries.BookId(1), ruled.Data("nodes.1.id").GetString());
        Assert.Equal(JsonValueKind.Null, ruled.Data("book").ValueKind);
        Assert.Equal(id, open.Data("node.id").GetString());
        Assert.Equal("Secret Draft", open.Data("book.title").GetString());
    }

    [Fact]
    public async Task Paging_under_rules_skips_hidden_rows()
    {
        var ruled = await PageAsync(Rules);

        Assert.Equal(Queries.AllBut(Draft), ruled);
    }

    private async Task<List<int>> PageAsync(DraftsHidden rules)
    {
        var seen = new List<int>();
        string? after = null;
        while (true)
        {
            var result = await fixture.ExecuteAsync(
                "query($after: String) { books(first: 4, after: $after) { pageInfo { hasNextPage endCursor } nodes { key } } }", new { after }, rules);
            seen.AddRange(result.Keys("books.nodes"));
            if (!result.Data("books.pageInfo.hasNextPage").GetBoolean())
            {
                return seen;
            }

            after = result.Data("books.pageInfo.endCursor").GetString();
        }
    }
}
