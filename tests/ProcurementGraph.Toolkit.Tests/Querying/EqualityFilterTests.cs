using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary><c>Boolean</c>, enum and <c>IdOperationFilterInput</c> (global IDs).</summary>
public sealed class EqualityFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("{ inPrint: { eq: true } }", new[] { 1, 2, 4, 6, 7, 8, 10, 11, 14 })]
    [InlineData("{ inPrint: { eq: false } }", new[] { 3, 5, 9, 12, 13 })]
    [InlineData("{ inPrint: { neq: true } }", new[] { 3, 5, 9, 12, 13 })]
    [InlineData("{ inPrint: { neq: false } }", new[] { 1, 2, 4, 6, 7, 8, 10, 11, 14 })]
    public async Task Boolean_operations(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("{ genre: { eq: SCIENCE } }", new[] { 2, 3, 4, 10, 13 })]
    [InlineData("{ genre: { neq: FICTION } }", new[] { 2, 3, 4, 5, 7, 10, 12, 13 })]
    [InlineData("{ genre: { in: [HISTORY, SCIENCE] } }", new[] { 2, 3, 4, 5, 7, 10, 12, 13 })]
    [InlineData("{ genre: { nin: [FICTION, HISTORY] } }", new[] { 2, 3, 4, 10, 13 })]
    [InlineData("{ format: { eq: EBOOK } }", new[] { 6, 7 })]
    [InlineData("{ format: { neq: EBOOK } }", new[] { 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14 })]
    [InlineData("{ format: { in: [EBOOK, HARDCOVER] } }", new[] { 2, 6, 7, 9, 12 })]
    [InlineData("{ format: { nin: [PAPERBACK] } }", new[] { 2, 4, 5, 6, 7, 9, 12, 13 })]
    [InlineData("{ format: { eq: null } }", new[] { 4, 5, 13 })]
    public async Task Enum_operations(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Fact]
    public async Task Id_operations_take_global_ids()
    {
        var host = fixture;
        Assert.Equal([3], await host.BookKeysAsync($$"""{ id: { eq: "{{Queries.BookId(3)}}" } }"""));
        Assert.Equal(Queries.AllBut(1), await host.BookKeysAsync($$"""{ id: { neq: "{{Queries.BookId(1)}}" } }"""));
        Assert.Equal([3, 5], await host.BookKeysAsync($$"""{ id: { in: ["{{Queries.BookId(5)}}", "{{Queries.BookId(3)}}"] } }"""));
        Assert.Equal(Queries.AllBut(1, 2), await host.BookKeysAsync($$"""{ id: { nin: ["{{Queries.BookId(1)}}", "{{Queries.BookId(2)}}"] } }"""));
        Assert.Equal([3, 4, 11], await host.BookKeysAsync($$"""{ author: { id: { eq: "{{Queries.AuthorId(3)}}" } } }"""));
    }

    [Fact]
    public async Task Id_operations_take_global_ids_from_variables()
    {
        var result = await fixture.ExecuteAsync(
            "query($ids: [ID]) { books(where: { id: { in: $ids } }) { nodes { key } } }",
            new { ids = new[] { Queries.BookId(7), Queries.BookId(2) } });

        Assert.Equal([2, 7], result.Keys("books.nodes"));
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("neq")]
    public async Task An_id_of_another_type_is_an_INVALID_ID_error(string operation)
    {
        var authorId = Queries.AuthorId(3);
        var result = await fixture.ExecuteAsync($$"""{ books(where: { id: { {{operation}}: "{{authorId}}" } }) { nodes { key } } }""");

        var error = result.SingleError();
        Assert.Equal("INVALID_ID", GraphResult.Extension(error, "code"));
        Assert.Equal("Book", GraphResult.Extension(error, "typeName"));
        Assert.Contains(authorId, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Raw("books").ValueKind);
        Assert.Empty(result.Statements);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("Qm9vazp4")] // "Book:x": the right type, a key that is not an int
    [InlineData("Qm9vaw==")] // "Book": no key at all
    public async Task A_malformed_id_in_a_list_is_an_INVALID_ID_error(string id)
    {
        var result = await fixture.ExecuteAsync($$"""{ books(where: { id: { in: ["{{Queries.BookId(1)}}", "{{id}}"] } }) { nodes { key } } }""");

        Assert.Equal("INVALID_ID", GraphResult.Extension(result.SingleError(), "code"));
    }
}
