using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// A <see cref="RowRuleTable{TCaller}"/> fails closed: a declared entity type answers by its rule, an entity type of the
/// model without a declaration answers no rows (root lists, nested lists, node), anything not an entity is not ruled.
/// </summary>
public sealed class RowRuleTableTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly int Draft = LibraryData.DraftBookId;

    [Fact]
    public async Task A_declared_rule_restricts_and_an_undeclared_entity_type_has_no_rows()
    {
        // Arrange: books are declared (drafts hidden, and the caller's one book), authors and publishers are not.
        var table = new RowRuleTable<int>().Rows<Book>(key => b => !b.IsDraft && b.Id != key);
        var rules = table.For(1, Model());
        const string Query = "{ books(first: 100) { totalCount } authors(first: 100) { totalCount nodes { key } } publishers { nodes { key } } }";

        // Act
        var ruled = await fixture.ExecuteAsync(Query, rules: rules);
        var open = await fixture.ExecuteAsync(Query);

        // Assert
        Assert.Equal(12, ruled.Data("books.totalCount").GetInt32());
        Assert.Equal(0, ruled.Data("authors.totalCount").GetInt32());
        Assert.Empty(ruled.Keys("authors.nodes"));
        Assert.Empty(ruled.Keys("publishers.nodes"));
        Assert.NotEmpty(open.Keys("authors.nodes"));
    }

    [Fact]
    public async Task Undeclared_entity_types_are_hidden_inside_visible_rows_too()
    {
        var rules = new RowRuleTable<int>().AllRows<Author>().For(0, Model());
        const string Query = "{ authors(where: { key: { eq: 1 } }) { nodes { key bookCount books { key } } } }";

        var ruled = await fixture.ExecuteAsync(Query, rules: rules);

        Assert.Equal([1], ruled.Keys("authors.nodes"));
        Assert.Equal(0, ruled.Data("authors.nodes.0.bookCount").GetInt32());
        Assert.Empty(ruled.Keys("authors.nodes.0.books"));
    }

    [Fact]
    public async Task All_rows_and_no_rows_are_declarations_of_their_own()
    {
        var rules = new RowRuleTable<int>().AllRows<Book>().NoRows<Author>().AllRows<Publisher>().For(0, Model());
        var node = $$"""{ books(first: 100) { totalCount } authors { nodes { key } } node(id: "{{Queries.BookId(Draft)}}") { id } }""";

        var ruled = await fixture.ExecuteAsync(node, rules: rules);

        Assert.Equal(14, ruled.Data("books.totalCount").GetInt32());
        Assert.Empty(ruled.Keys("authors.nodes"));
        Assert.Equal(Queries.BookId(Draft), ruled.Data("node.id").GetString());
    }

    [Fact]
    public void The_table_lists_the_model_entity_types_it_does_not_declare()
    {
        var table = new RowRuleTable<int>().AllRows<Book>();

        Assert.Equal([typeof(Author), typeof(Publisher)], table.UndeclaredIn(Model()));
        Assert.Empty(table.AllRows<Author>().NoRows<Publisher>().UndeclaredIn(Model()));
        Assert.Null(table.For(0, Model()).For(typeof(string)));
    }

    [Fact]
    public void A_type_declared_twice_is_refused()
    {
        var table = new RowRuleTable<int>().NoRows<Book>();

        var error = Assert.Throws<InvalidOperationException>(() => table.AllRows<Book>());
        Assert.Contains("Book", error.Message, StringComparison.Ordinal);
    }

    private static IModel Model()
    {
        var options = new DbContextOptionsBuilder<LibraryContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new LibraryContext(options);
        return db.Model;
    }
}
