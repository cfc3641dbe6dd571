using Microsoft.AspNetCore.Builder;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

/// <summary>
/// <see cref="AuthorizationTestSchema"/> with ASP.NET Core authentication (<see cref="TestAuthenticationHandler"/>) and
/// authorization: <c>/graphql</c> is open (field rules only), <c>/guarded</c> requires the <c>Endpoint</c> policy
/// through <c>RequireGraphQLAuthorization</c>, <c>/plain</c> is a non-GraphQL endpoint requiring the default policy.
/// </summary>
public sealed class AuthorizationFixture() : TestHost<AuthorizationTestSchema>(TestHost.For<AuthorizationTestSchema>()
    .WithTestAuthentication(options =>
    {
        options.AddPolicy(AuthorizationTestSchema.AdminPolicy, p => p.RequireRole("Admin"));
        options.AddPolicy(EndpointPolicy, p => p.RequireAuthenticatedUser().RequireRole("Reader", "Editor", "Admin"));
    })
    .ConfigureGraphQL(graph => graph.AddFieldAuthorization())
    .WithFlatErrors()
    .WithHttp()
    .ConfigureServices(services => services.AddGraphQLEndpointAuthorization())
    .MapEndpoints(app =>
    {
        app.MapGraphQLHttp("/guarded").RequireGraphQLAuthorization(EndpointPolicy);
        app.MapGet("/plain", () => "plain").RequireAuthorization();
    }))
{
    public const string EndpointPolicy = "Endpoint";
}
