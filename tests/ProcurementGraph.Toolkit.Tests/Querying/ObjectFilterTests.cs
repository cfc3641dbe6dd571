using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary><c>and</c>/<c>or</c> on entity inputs, nested object filters and list filters (<c>some</c>/<c>all</c>/<c>none</c>/<c>any</c>).</summary>
public sealed class ObjectFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("{ genre: { eq: FICTION }, inPrint: { eq: false } }", new[] { 9 })]
    [InlineData("{ and: [{ genre: { eq: SCIENCE } }, { pages: { gt: 400 } }] }", new[] { 2, 4, 10 })]
    [InlineData("{ or: [{ genre: { eq: HISTORY } }, { pages: { gt: 430 } }] }", new[] { 2, 5, 7, 10, 11, 12 })]
    [InlineData("{ inPrint: { eq: true }, or: [{ genre: { eq: HISTORY } }, { pages: { gt: 430 } }] }", new[] { 2, 7, 10, 11 })]
    [InlineData("{ or: [{ and: [{ genre: { eq: SCIENCE } }, { inPrint: { eq: false } }] }, { price: { gt: 19 } }] }", new[] { 3, 9, 13 })]
    [InlineData("{ and: [] }", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 })]
    [InlineData("{ or: [] }", new int[0])]
    public async Task And_and_or_on_entity_inputs(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Theory]
    [InlineData("""{ author: { name: { startsWith: "carl" } } }""", new[] { 3, 4, 11 })]
    [InlineData("""{ author: { isActive: { eq: false } }, genre: { eq: FICTION } }""", new[] { 1, 6, 11, 14 })]
    [InlineData("""{ publisher: { name: { eq: "nova house" } } }""", new[] { 2, 6, 7, 10 })]
    [InlineData("""{ publisher: { country: { eq: "UK" } } }""", new[] { 1, 3, 8, 11, 13, 14 })]
    [InlineData("""{ publisher: { or: [{ country: { eq: "US" } }, { name: { contains: "nova" } }] } }""", new[] { 2, 6, 7, 10 })]
    [InlineData("""{ author: { bookCount: { gte: 4 } }, pages: { lt: 200 } }""", new[] { 8, 9 })]
    public async Task Nested_object_filters(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.BookKeysAsync(where));
    }

    [Fact]
    public async Task A_nested_filter_on_a_nullable_reference_never_matches_a_missing_one()
    {
        // publisher.country IS NULL holds for Nova House only; books without a publisher do not match.
        Assert.Equal([2, 6, 7, 10], await fixture.BookKeysAsync("{ publisher: { country: { eq: null } } }"));
    }

    [Theory]
    [InlineData("{ books: { some: { genre: { eq: HISTORY } } } }", new[] { 1, 5 })]
    [InlineData("{ books: { all: { pages: { gt: 100 } } } }", new[] { 2, 3, 4, 5 })]
    [InlineData("{ books: { none: { genre: { eq: SCIENCE } } } }", new[] { 4, 5 })]
    [InlineData("{ books: { any: true } }", new[] { 1, 2, 3, 5 })]
    [InlineData("{ books: { any: false } }", new[] { 4 })]
    [InlineData("{ books: { some: { genre: { eq: FICTION } }, none: { inPrint: { eq: false } } } }", new[] { 5 })]
    [InlineData("""{ books: { some: { publisher: { name: { eq: "NOVA HOUSE" } } } } }""", new[] { 2, 5 })]
    [InlineData("""{ catalog: { some: { title: { eq: "cosmos" } } } }""", new[] { 3 })]
    [InlineData("""{ or: [{ books: { any: false } }, { name: { startsWith: "ada" } }] }""", new[] { 1, 4 })]
    public async Task List_filters(string where, int[] expected)
    {
        Assert.Equal(expected, await fixture.AuthorKeysAsync(where));
    }

    [Fact]
    public async Task List_filters_nest_through_references_and_lists()
    {
        // Books whose author has written some history book.
        Assert.Equal([1, 5, 6, 7, 12, 13, 14], await fixture.BookKeysAsync("{ author: { books: { some: { genre: { eq: HISTORY } } } } }"));

        var publishers = await fixture.ExecuteAsync("{ publishers(where: { books: { any: false } }) { nodes { key } } }");
        Assert.Equal([3], publishers.Keys("publishers.nodes"));
    }

    [Fact]
    public async Task A_filter_on_a_derived_aggregate_value()
    {
        Assert.Equal([2, 5], await fixture.AuthorKeysAsync("{ bookCount: { gt: 3 } }"));
        Assert.Equal([4], await fixture.AuthorKeysAsync("{ totalPages: { eq: 0 } }"));
    }

    [Fact]
    public async Task Filters_nested_through_relations_still_run_one_statement()
    {
        var result = await fixture.ExecuteAsync(
            """{ authors(where: { books: { some: { publisher: { name: { eq: "nova house" } } } } }) { nodes { key } } }""");

        Assert.Equal([2, 5], result.Keys("authors.nodes"));
        Assert.Single(result.Statements);
    }
}
