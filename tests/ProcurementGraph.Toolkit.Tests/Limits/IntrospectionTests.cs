using System.Security.Claims;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>Introspection needs an authenticated caller when configured so (HC0046).</summary>
public sealed class IntrospectionTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private static readonly ClaimsPrincipal Authenticated = new(new ClaimsIdentity([new Claim("name", "someone")], "Test"));

    [Fact]
    public async Task Anonymous_schema_introspection_is_refused_with_HC0046()
    {
        // Act
        var result = await fixture.ExecuteAsync("{ __schema { queryType { name } } }");

        // Assert
        Assert.False(result.Json.TryGetProperty("data", out _));
        var error = result.SingleError();
        Assert.Equal("Introspection is not allowed for the current request.", error.GetProperty("message").GetString());
        Assert.Equal(LimitErrorCodes.IntrospectionNotAllowed, error.Code());
        Assert.Equal("__schema", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal(3, Assert.Single(error.GetProperty("locations").EnumerateArray()).GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Anonymous_type_introspection_in_a_fragment_is_refused()
    {
        var result = await fixture.ExecuteAsync("{ ...Q } fragment Q on Query { __type(name: \"Book\") { name } }");

        Assert.Equal("__type", result.SingleError().GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Typename_stays_allowed()
    {
        var result = await fixture.ExecuteAsync("{ __typename }");

        Assert.Empty(result.Errors);
        Assert.Equal("Query", result.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task An_authenticated_caller_may_introspect()
    {
        var result = await fixture.ExecuteAsync("{ __schema { queryType { name } } }", user: Authenticated);

        Assert.Empty(result.Errors);
        Assert.Equal("Query", result.Json.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Anyone_may_introspect_when_authentication_is_not_required()
    {
        await using var host = await TestHost.Library().WithLimits(o => o.IntrospectionRequiresAuthentication = false).StartAsync();

        var result = await host.ExecuteAsync("{ __type(name: \"Book\") { name } }");

        Assert.Empty(result.Errors);
    }
}
