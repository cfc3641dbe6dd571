using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProcurementGraph.TestKit;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Tests.Transport;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

/// <summary>
/// In-memory host of <see cref="AuthorizationTestSchema"/> with ASP.NET Core authentication (<see cref="TestAuthenticationHandler"/>)
/// and authorization: <c>/graphql</c> is open (field rules only), <c>/guarded</c> requires the <c>Endpoint</c> policy
/// through <c>RequireGraphQLAuthorization</c>, <c>/plain</c> is a non-GraphQL endpoint requiring the default policy.
/// </summary>
public sealed class AuthorizationTestHost : IAsyncLifetime
{
    public const string EndpointPolicy = "Endpoint";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not started.");

    public AuthorizationTestSchema Schema => Services.GetRequiredService<AuthorizationTestSchema>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy(AuthorizationTestSchema.AdminPolicy, p => p.RequireRole("Admin"));
            options.AddPolicy(EndpointPolicy, p => p.RequireAuthenticatedUser().RequireRole("Reader", "Editor", "Admin"));
        });
        builder.Services.AddGraphQL(b => b
            .AddSchema<AuthorizationTestSchema>()
            .AddSystemTextJson()
            .AddFieldAuthorization()
            .AddErrorInfoProvider(new FlatErrorInfoProvider(new ErrorInfoProviderOptions())));
        builder.Services.AddGraphQLHttp();
        builder.Services.AddGraphQLEndpointAuthorization();

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGraphQLHttp("/graphql");
        _app.MapGraphQLHttp("/guarded").RequireGraphQLAuthorization(EndpointPolicy);
        _app.MapGet("/plain", () => "plain").RequireAuthorization();
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>POSTs a query to <paramref name="path"/> as the given roles (<c>Authorization: Test r1,r2</c>), or anonymously when null.</summary>
    public async Task<GraphQLHttpTestResponse> PostAsync(
        string query, string[]? roles, object? variables = null, string? operationName = null, string path = "/graphql", string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        if (roles is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", ("Test " + string.Join(',', roles)).Trim());
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Client.SendAsync(request);
        return await GraphQLHttpTestResponse.ReadAsync(response);
    }

    /// <summary>Sends a raw request (for headers the GraphQL helpers do not expose).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>Path segments of an error, e.g. <c>items.1.secret</c>.</summary>
    public static string PathOf(JsonElement error) =>
        string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? p.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : p.GetString()));

    /// <summary>The <c>extensions.code</c> of an error.</summary>
    public static string? CodeOf(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString();

    /// <summary>A response header's values joined, or null.</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
