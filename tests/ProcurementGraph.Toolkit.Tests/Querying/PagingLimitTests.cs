using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>Page sizes: defaults, <c>HC0051</c> over the maximum (field null), <c>HC0079</c> when negative, <c>first: 0</c>; <c>totalCount</c>.</summary>
public sealed class PagingLimitTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    public async Task Over_the_root_maximum_is_HC0051_and_the_field_is_null(string argument)
    {
        var result = await fixture.ExecuteAsync($"{{ books({argument}: 1001) {{ nodes {{ key }} }} authors(first: 1) {{ nodes {{ key }} }} }}");

        var error = result.SingleError();
        Assert.Equal("The maximum allowed items per page were exceeded.", error.GetProperty("message").GetString());
        Assert.Equal("HC0051", GraphResult.Extension(error, "code"));
        Assert.Equal("Query.books", GraphResult.Extension(error, "coordinate"));
        Assert.Equal("1001", GraphResult.Extension(error, "requestedItems"));
        Assert.Equal("1000", GraphResult.Extension(error, "maxAllowedItems"));
        Assert.Equal("books", error.GetProperty("path")[0].GetString());
        Assert.Equal(JsonValueKind.Null, result.Raw("books").ValueKind);
        Assert.Equal(1, result.Raw("authors.nodes.0.key").GetInt32()); // the other root field still resolves
    }

    [Fact]
    public async Task The_root_maximum_itself_is_allowed()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 1000) { nodes { key } } }");

        Assert.Equal(14, result.Keys("books.nodes").Count);
    }

    [Theory]
    [InlineData("books(first: 51) { key }", "Author.books")]
    [InlineData("catalog(first: 51) { nodes { key } }", "Author.catalog")]
    [InlineData("catalog(last: 51) { nodes { key } }", "Author.catalog")]
    public async Task Over_the_nested_maximum_is_HC0051(string nested, string coordinate)
    {
        var result = await fixture.ExecuteAsync($"{{ authors {{ nodes {{ key {nested} }} }} }}");

        var error = result.SingleError();
        Assert.Equal("HC0051", GraphResult.Extension(error, "code"));
        Assert.Equal(coordinate, GraphResult.Extension(error, "coordinate"));
        Assert.Equal("51", GraphResult.Extension(error, "requestedItems"));
        Assert.Equal("50", GraphResult.Extension(error, "maxAllowedItems"));
        Assert.Empty(result.Statements);
    }

    [Fact]
    public async Task The_root_maximum_is_configurable()
    {
        await using var host = await TestHost.Library().ConfigureServices(services => services.Configure<PagingOptions>(o => o.MaxRootPageSize = 5)).StartAsync();

        var allowed = await host.ExecuteAsync("{ books(first: 5) { nodes { key } } }");
        var over = await host.ExecuteAsync("{ books(first: 6) { nodes { key } } }");

        Assert.Equal([1, 2, 3, 4, 5], allowed.Keys("books.nodes"));
        Assert.Equal("HC0051", GraphResult.Extension(over.SingleError(), "code"));
        Assert.Equal("5", GraphResult.Extension(over.SingleError(), "maxAllowedItems"));
    }

    [Theory]
    [InlineData("{ books(first: -1) { nodes { key } } }", "-1")]
    [InlineData("{ books(last: -2) { nodes { key } } }", "-2")]
    [InlineData("{ authors { nodes { books(first: -3) { key } } } }", "-3")]
    [InlineData("{ authors { nodes { catalog(first: -4) { nodes { key } } } } }", "-4")]
    public async Task A_negative_page_size_is_HC0079(string query, string requested)
    {
        var result = await fixture.ExecuteAsync(query);

        var error = result.SingleError();
        Assert.Equal("The requested number of values per page must be at least 0.", error.GetProperty("message").GetString());
        Assert.Equal("HC0079", GraphResult.Extension(error, "code"));
        Assert.Equal(requested, GraphResult.Extension(error, "requestedItems"));
        Assert.Empty(result.Statements);
    }

    [Fact]
    public async Task First_zero_returns_no_rows_without_a_page_query()
    {
        var withoutCount = await fixture.ExecuteAsync("{ books(first: 0) { pageInfo { hasNextPage hasPreviousPage startCursor } nodes { key } } }");
        var withCount = await fixture.ExecuteAsync("{ books(first: 0) { totalCount nodes { key } } }");

        Assert.Empty(withoutCount.Keys("books.nodes"));
        Assert.False(withoutCount.Data("books.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withoutCount.Data("books.pageInfo.startCursor").ValueKind);
        Assert.Empty(withoutCount.Statements);
        Assert.Equal(14, withCount.Data("books.totalCount").GetInt32());
        Assert.Single(withCount.Statements);
    }

    [Fact]
    public async Task The_default_page_size_is_10_at_the_root_and_in_nested_connections()
    {
        var root = await fixture.ExecuteAsync("{ books { pageInfo { hasNextPage } nodes { key } } }");
        await using var host = await TestHost.Library().StartAsync();
        host.Change(db => db.Books.AddRange(Enumerable.Range(100, 12).Select(id => new Book
        {
            Id = id, Isbn = $"x-{id}", Title = $"Extra {id}", Pages = id, AuthorId = 4, PublishedOn = new DateOnly(2020, 1, 1),
        })));
        var nested = await host.ExecuteAsync("{ authors(where: { key: { eq: 4 } }) { nodes { catalog { totalCount pageInfo { hasNextPage } nodes { key } } } } }");

        Assert.Equal(Enumerable.Range(1, 10), root.Keys("books.nodes"));
        Assert.True(root.Data("books.pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(Enumerable.Range(100, 10), nested.Keys("authors.nodes.0.catalog.nodes"));
        Assert.Equal(12, nested.Data("authors.nodes.0.catalog.totalCount").GetInt32());
        Assert.True(nested.Data("authors.nodes.0.catalog.pageInfo.hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Total_count_runs_a_COUNT_only_when_selected()
    {
        var without = await fixture.ExecuteAsync("{ books(first: 2, where: { genre: { eq: SCIENCE } }) { nodes { key } } }");
        var with = await fixture.ExecuteAsync("{ books(first: 2, where: { genre: { eq: SCIENCE } }) { totalCount nodes { key } } }");
        var onlyCount = await fixture.ExecuteAsync("{ books(where: { genre: { eq: SCIENCE } }) { totalCount } }");

        Assert.Single(without.Statements);
        Assert.DoesNotContain("COUNT", without.AllSql, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, with.Statements.Count);
        Assert.Contains("COUNT", with.AllSql, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, with.Data("books.totalCount").GetInt32());
        Assert.Equal([2, 3], with.Keys("books.nodes"));
        Assert.Equal(5, onlyCount.Data("books.totalCount").GetInt32());
    }

    [Fact]
    public async Task Total_count_ignores_the_cursor()
    {
        var page1 = await fixture.ExecuteAsync("{ books(first: 3) { pageInfo { endCursor } } }");
        var after = page1.Data("books.pageInfo.endCursor").GetString();
        var page2 = await fixture.ExecuteAsync($$"""{ books(first: 3, after: "{{after}}") { totalCount nodes { key } } }""");

        Assert.Equal(14, page2.Data("books.totalCount").GetInt32());
        Assert.Equal([4, 5, 6], page2.Keys("books.nodes"));
    }
}
