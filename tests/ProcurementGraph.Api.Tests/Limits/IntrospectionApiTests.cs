using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>
/// Outside Development introspection needs an authenticated caller. The endpoint itself already refuses anonymous requests
/// (401) before GraphQL runs; the HC0046 rule behind it is covered by the toolkit's tests.
/// </summary>
[Collection(EntraCollection.Name)]
public sealed class IntrospectionApiTests(EntraApiFactory api)
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Anonymous_introspection_is_refused_outside_development()
    {
        var (response, body) = await api.CreateClient(token: null).PostAsync(Introspection);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", body.Code());
    }

    [Fact]
    public async Task An_authenticated_caller_may_introspect_outside_development()
    {
        var (response, body) = await api.CreateClient(t => t.Roles.Add("Partner")).PostAsync(Introspection);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)body["data"]!["__schema"]!["queryType"]!["name"]);
    }
}
