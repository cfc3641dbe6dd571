using System.Text;
using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>Invalid cursors are <c>HC0078</c>, with the argument and the cursor in the extensions.</summary>
public sealed class CursorTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    public static TheoryData<string, string> Malformed => new()
    {
        { "garbage", "not a cursor!" },
        { "empty", string.Empty },
        { "base64 of text", Base64("hello") },
        { "base64 of an object", Base64("""{"pages":1}""") },
        { "too few values", Base64("[]") },
        { "too many values", Base64("[1,2,3]") },
        { "wrong value type", Base64("""["x",1]""") },
        { "null for a non-null key", Base64("[null,1]") },
        { "nested array", Base64("[[1],1]") },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_after_cursor_is_HC0078(string _, string cursor)
    {
        var result = await fixture.ExecuteAsync(
            "query($c: String) { books(first: 2, after: $c, order: [{ pages: ASC }]) { nodes { key } } }", new { c = cursor });

        AssertInvalid(result, "after", cursor);
        Assert.Equal(JsonValueKind.Null, result.Raw("books").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_before_cursor_is_HC0078(string _, string cursor)
    {
        var result = await fixture.ExecuteAsync(
            "query($c: String) { books(last: 2, before: $c, order: [{ pages: ASC }]) { nodes { key } } }", new { c = cursor });

        AssertInvalid(result, "before", cursor);
    }

    [Theory]
    [InlineData("[{ title: ASC }]", "[{ pages: ASC }]")]
    [InlineData("[{ pages: ASC }]", "[{ pages: ASC }, { title: ASC }]")]
    [InlineData("[{ price: DESC }, { pages: ASC }]", "[{ pages: ASC }]")]
    [InlineData("[{ author: { name: ASC } }]", "[{ publishedOn: ASC }]")]
    public async Task A_cursor_from_another_sort_is_HC0078(string madeWith, string usedWith)
    {
        var page = await fixture.ExecuteAsync($"{{ books(first: 2, order: {madeWith}) {{ pageInfo {{ endCursor }} }} }}");
        var cursor = page.Data("books.pageInfo.endCursor").GetString()!;

        var result = await fixture.ExecuteAsync(
            $"query($c: String) {{ books(first: 2, after: $c, order: {usedWith}) {{ nodes {{ key }} }} }}", new { c = cursor });

        AssertInvalid(result, "after", cursor);
    }

    [Fact]
    public async Task A_malformed_cursor_in_a_nested_connection_is_HC0078()
    {
        var result = await fixture.ExecuteAsync("""{ authors { nodes { catalog(after: "bogus") { nodes { key } } } } }""");

        AssertInvalid(result, "after", "bogus");
    }

    [Fact]
    public async Task Cursors_are_opaque_base64()
    {
        var page = await fixture.ExecuteAsync("{ books(first: 1, order: [{ pages: ASC }]) { edges { cursor } } }");
        var cursor = page.Data("books.edges.0.cursor").GetString()!;

        Assert.Equal("[52,5]", Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
    }

    private static void AssertInvalid(GraphResult result, string argument, string cursor)
    {
        var error = result.SingleError();
        Assert.Equal("HC0078", GraphResult.Extension(error, "code"));
        Assert.Equal($"The cursor specified in `{argument}` has an invalid format.", error.GetProperty("message").GetString());
        Assert.Equal(argument, GraphResult.Extension(error, "argument"));
        Assert.Equal(cursor, GraphResult.Extension(error, "cursor"));
        Assert.Empty(result.Statements);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
