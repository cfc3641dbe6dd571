using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// A related row of which only <c>__typename</c> is selected still projects (found by the fuzz test: the empty row was
/// an EF Core constant, "The client projection contains a reference to a constant expression of 'object[]'").
/// </summary>
public sealed class TypenameOnlyProjectionTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("""{ book(isbn: "978-01") { author { __typename } } }""", "book.author.__typename", "Author")]
    [InlineData("""{ book(isbn: "978-01") { __typename } }""", "book.__typename", "Book")]
    [InlineData("{ authors(first: 1) { nodes { books { __typename } } } }", "authors.nodes.0.books.0.__typename", "Book")]
    [InlineData("{ authors(first: 1) { nodes { books { author { __typename } } } } }", "authors.nodes.0.books.0.author.__typename", "Author")]
    [InlineData("{ books(first: 1) { nodes { author { __typename } publisher { __typename } } } }", "books.nodes.0.author.__typename", "Author")]
    public async Task A_selection_of_only_typename_is_answered(string query, string path, string typeName)
    {
        var result = await fixture.ExecuteAsync(query);

        Assert.Equal(typeName, result.Data(path).GetString());
    }

    [Fact]
    public async Task A_missing_row_with_only_typename_selected_is_null()
    {
        var result = await fixture.ExecuteAsync("""{ book(isbn: "nope") { author { __typename } } }""");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Data("book").ValueKind);
    }
}
