using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

/// <summary>Only the fields that execute are checked: @skip/@include, fragments and the selected operation are honoured.</summary>
public sealed class SelectionAuthorizationTests(AuthorizationFixture host) : IClassFixture<AuthorizationFixture>
{
    private static readonly string[] Reader = ["Reader"];

    [Theory]
    [InlineData("query Q { open secret @skip(if: true) }")]
    [InlineData("query Q { open secret @include(if: false) }")]
    [InlineData("query Q { open item @skip(if: true) { secret } }")]
    [InlineData("query Q { open ... on Query @include(if: false) { secret } }")]
    [InlineData("query Q { open ...S @skip(if: true) } fragment S on Query { secret }")]
    public async Task Skipped_selections_are_not_checked(string query)
    {
        // Act
        var response = await host.PostAsAsync(query, Reader);

        // Assert
        Assert.Empty(response.Errors);
        Assert.Equal("open", response.Data.GetProperty("open").GetString());
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Skip_with_a_variable_is_honoured(bool skip, int expectedErrors)
    {
        // Act
        var response = await host.PostAsAsync("query Q($s: Boolean!) { open secret @skip(if: $s) }", Reader, new { s = skip });

        // Assert
        Assert.Equal(expectedErrors, response.Errors.Length);
        Assert.Equal(!skip, response.Data.TryGetProperty("secret", out _));
    }

    [Theory]
    [InlineData("query Q { open ...S } fragment S on Query { secret }", "secret")]
    [InlineData("query Q { open ... on Query { item { ...I } } } fragment I on Item { name secret }", "item.secret")]
    [InlineData("query Q { items { ...I } } fragment I on Item { ... on Item { secret } }", "items.0.secret")]
    public async Task Fields_reached_through_fragments_are_checked(string query, string firstDeniedPath)
    {
        // Act
        var response = await host.PostAsAsync(query, Reader);

        // Assert
        Assert.NotEmpty(response.Errors);
        Assert.Equal(firstDeniedPath, TestHost.PathOf(response.Errors[0]));
    }

    [Fact]
    public async Task Only_the_selected_operation_is_checked()
    {
        // Arrange
        const string document = "query Allowed { open } query Denied { secret }";

        // Act
        var allowed = await host.PostAsAsync(document, Reader, operationName: "Allowed");
        var denied = await host.PostAsAsync(document, Reader, operationName: "Denied");

        // Assert
        Assert.Empty(allowed.Errors);
        Assert.Equal("open", allowed.Data.GetProperty("open").GetString());
        Assert.Equal("secret", TestHost.PathOf(Assert.Single(denied.Errors)));
        Assert.Equal(JsonValueKind.Null, denied.Data.GetProperty("secret").ValueKind);
    }
}
