using System.Security.Claims;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>A <c>where</c> or <c>order</c> on a field the caller may not read is refused before any SQL is sent.</summary>
public sealed class FieldAccessGuardTests : IAsyncLifetime
{
    private TestHost<LibrarySchema> _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.Library().ConfigureServices(services => services.AddSingleton<IFieldAccess>(new PriceHidden())).StartAsync();

    [Theory]
    [InlineData("{ books(where: { price: { gt: 10 } }) { nodes { key } } }", "where")]
    [InlineData("{ books(order: [{ price: DESC }]) { nodes { key } } }", "order")]
    [InlineData("{ authors { nodes { books(where: { price: { gt: 10 } }) { key } } } }", "where")]
    [InlineData("{ authors(where: { books: { some: { price: { lt: 10 } } } }) { nodes { key } } }", "where")]
    [InlineData("{ booksAggregate(groupBy: [GENRE], having: { sum: { price: { gt: 10 } } }) { nodes { count } } }", "having")]
    [InlineData("{ booksAggregate(groupBy: [GENRE], having: { or: [{ count: { gt: 1 } }, { avg: { price: { gt: 10 } } }] }) { nodes { count } } }", "having")]
    [InlineData("{ booksAggregate(groupBy: [GENRE], order: [{ max: { price: DESC } }]) { nodes { count } } }", "order")]
    [InlineData("{ booksAggregate(where: { price: { gt: 10 } }) { nodes { count } } }", "where")]
    public async Task Filtering_or_sorting_on_a_hidden_field_is_refused(string query, string argument)
    {
        var result = await _host.ExecuteAsync(query);

        var error = Assert.Single(result.Errors);
        Assert.Equal("AUTH_NOT_AUTHORIZED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(argument, error.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.Equal("Book.price", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Empty(result.Statements);
    }

    [Fact]
    public async Task Filtering_on_readable_fields_still_works()
    {
        var result = await _host.ExecuteAsync("{ books(where: { pages: { gt: 10 } }, order: [{ title: ASC }]) { nodes { key } } }");

        Assert.Empty(result.Errors);
        Assert.NotEmpty(result.Keys("books.nodes"));
    }

    [Fact]
    public async Task An_aggregate_of_a_hidden_field_is_not_computed_and_the_others_are()
    {
        var result = await _host.ExecuteAsync("{ booksAggregate(groupBy: [GENRE]) { nodes { count sum { price pages } max { price } } } }");

        Assert.Empty(result.Errors);
        Assert.All(result.Data("booksAggregate.nodes").EnumerateArray(), node =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, node.GetProperty("sum").GetProperty("price").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, node.GetProperty("max").GetProperty("price").ValueKind);
            Assert.True(node.GetProperty("sum").GetProperty("pages").GetInt64() > 0);
        });
        Assert.DoesNotContain("Price", Assert.Single(result.Statements), StringComparison.Ordinal);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    private sealed class PriceHidden : IFieldAccess
    {
        public ValueTask<FieldAuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field) =>
            ValueTask.FromResult(Hidden(type.Name, field.Name) ? FieldAuthorizationResult.NotAuthorized : FieldAuthorizationResult.Allowed);

        public ValueTask<bool> CanReadAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field) =>
            ValueTask.FromResult(!Hidden(type.Name, field.Name));

        public ValueTask<bool> CanReadAsync(ClaimsPrincipal user, string typeName, string fieldName) =>
            ValueTask.FromResult(!Hidden(typeName, fieldName));

        private static bool Hidden(string typeName, string fieldName) => typeName == "Book" && fieldName == "price";
    }
}
