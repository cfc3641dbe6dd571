using System.Text.Json;
using ProcurementGraph.Toolkit.Relay;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary><c>node(id:)</c> and <c>nodes(ids:)</c>: any entity by global ID, projected, at most 10 at once (<c>HC0076</c>).</summary>
public sealed class NodeTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public async Task Node_fetches_an_entity_by_global_id_with_only_the_selected_columns()
    {
        var id = Queries.BookId(3);
        var result = await fixture.ExecuteAsync($$"""{ node(id: "{{id}}") { __typename id ... on Book { title author { name } } } }""");

        Assert.Equal("Book", result.Data("node.__typename").GetString());
        Assert.Equal(id, result.Data("node.id").GetString());
        Assert.Equal("Cosmos", result.Data("node.title").GetString());
        Assert.Equal("Carl Sagan", result.Data("node.author.name").GetString());
        var sql = Assert.Single(result.Statements);
        Assert.DoesNotContain("\"Price\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_by_one_id_reads_by_equality_and_its_sql_is_generated_once()
    {
        const string Query = "query($id: ID!) { node(id: $id) { id ... on Book { title } } }";
        var first = await fixture.ExecuteAsync(Query, new { id = Queries.BookId(2) });
        var second = await fixture.ExecuteAsync(Query, new { id = Queries.BookId(3) });

        Assert.Equal("The Elegant Universe", first.Data("node.title").GetString());
        Assert.Equal("Cosmos", second.Data("node.title").GetString());
        var sql = Assert.Single(first.Statements);
        Assert.DoesNotContain(" IN (", sql, StringComparison.Ordinal);
        // EF Core caches a statement's SQL unless a list parameter had to be expanded; the cached text is the same string.
        Assert.Same(sql, Assert.Single(second.Statements));
    }

    [Fact]
    public async Task A_one_row_lookup_with_a_nested_list_limits_its_root_by_the_literal_1()
    {
        const string Query = "query($id: ID!) { node(id: $id) { ... on Author { name books { key } } } }";
        var result = await fixture.ExecuteAsync(Query, new { id = Queries.AuthorId(1) });

        Assert.Equal(LibraryData.Build().Authors[0].Books.Count, result.Data("node.books").GetArrayLength());
        var sql = Assert.Single(result.Statements);
        // A parameter limit (LIMIT @p) on a root that projects a list is planned far worse by SQLite than LIMIT 1.
        Assert.Contains("LIMIT 1", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Global_ids_are_HotChocolate_v14_ids()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 1) { nodes { id } } authors(first: 1) { nodes { id } } }");

        Assert.Equal("Qm9vazox", result.Data("books.nodes.0.id").GetString()); // base64("Book:1")
        Assert.Equal("QXV0aG9yOjE=", result.Data("authors.nodes.0.id").GetString()); // base64("Author:1")
    }

    [Theory]
    [InlineData("Book:999")]
    [InlineData("Nothing:1")]
    [InlineData("Book:abc")]
    public async Task Node_is_null_for_an_id_that_names_no_row(string decoded)
    {
        var id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(decoded));
        var result = await fixture.ExecuteAsync($$"""{ node(id: "{{id}}") { id } }""");

        Assert.Equal(JsonValueKind.Null, result.Data("node").ValueKind);
    }

    [Fact]
    public async Task A_malformed_node_id_is_INVALID_ID()
    {
        var result = await fixture.ExecuteAsync("""{ node(id: "%%%") { id } }""");

        Assert.Equal("INVALID_ID", GraphResult.Extension(result.SingleError(), "code"));
    }

    [Fact]
    public async Task Nodes_keeps_the_order_of_the_ids_with_one_statement_per_entity_type()
    {
        string[] ids = [Queries.BookId(2), Queries.AuthorId(3), Queries.BookId(999), GlobalId.Encode("Publisher", 2), Queries.BookId(9), Queries.BookId(2)];
        var result = await fixture.ExecuteAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Book { title } ... on Author { name } ... on Publisher { name } } }", new { ids });

        var nodes = result.Data("nodes").EnumerateArray().ToList();
        Assert.Equal(6, nodes.Count);
        Assert.Equal("The Elegant Universe", nodes[0].GetProperty("title").GetString());
        Assert.Equal("Carl Sagan", nodes[1].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[2].ValueKind);
        Assert.Equal("Nova House", nodes[3].GetProperty("name").GetString());
        Assert.Equal("snakeXcase Tales", nodes[4].GetProperty("title").GetString());
        Assert.Equal(ids[5], nodes[5].GetProperty("id").GetString());
        Assert.Equal(3, result.Statements.Count);
    }

    [Fact]
    public async Task Nodes_takes_at_most_10_ids()
    {
        var ten = Enumerable.Range(1, 10).Select(Queries.BookId).ToArray();
        var eleven = Enumerable.Range(1, 11).Select(Queries.BookId).ToArray();
        const string Query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }";

        var allowed = await fixture.ExecuteAsync(Query, new { ids = ten });
        var tooMany = await fixture.ExecuteAsync(Query, new { ids = eleven });

        Assert.Equal(10, allowed.Data("nodes").GetArrayLength());
        var error = tooMany.SingleError();
        Assert.Equal("HC0076", GraphResult.Extension(error, "code"));
        Assert.Equal(
            "The maximum number of nodes that can be fetched at once is 10. This selection tried to fetch 11 nodes that exceeded the maximum allowed amount.",
            error.GetProperty("message").GetString());
        Assert.Empty(tooMany.Statements);
    }
}
