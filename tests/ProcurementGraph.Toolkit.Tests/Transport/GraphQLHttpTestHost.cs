using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

/// <summary>
/// In-memory host (TestServer) running <see cref="TransportTestSchema"/> behind <c>MapGraphQLHttp()</c>.
/// Used as a class fixture with the default setup, or started with <see cref="StartAsync"/> for a custom one.
/// </summary>
public sealed class GraphQLHttpTestHost : IAsyncLifetime, IAsyncDisposable
{
    public const string Path = "/graphql";

    private readonly Action<IServiceCollection>? _configureServices;
    private readonly Action<IGraphQLBuilder>? _configureGraphQL;
    private WebApplication? _app;

    public GraphQLHttpTestHost()
        : this(null, null)
    {
    }

    private GraphQLHttpTestHost(Action<IServiceCollection>? configureServices, Action<IGraphQLBuilder>? configureGraphQL)
    {
        _configureServices = configureServices;
        _configureGraphQL = configureGraphQL;
    }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not started.");

    public TransportTestSchema Schema => Services.GetRequiredService<TransportTestSchema>();

    public static async Task<GraphQLHttpTestHost> StartAsync(
        Action<IServiceCollection>? configureServices = null, Action<IGraphQLBuilder>? configureGraphQL = null)
    {
        var host = new GraphQLHttpTestHost(configureServices, configureGraphQL);
        try
        {
            await host.InitializeAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGraphQL(b =>
        {
            b.AddSchema<TransportTestSchema>().AddSystemTextJson();
            _configureGraphQL?.Invoke(b);
        });
        builder.Services.AddGraphQLHttp();
        _configureServices?.Invoke(builder.Services);

        _app = builder.Build();
        _app.MapGraphQLHttp(Path);
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

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>POSTs <paramref name="body"/> as UTF-8 with the given content type (none when null).</summary>
    public Task<GraphQLHttpTestResponse> PostAsync(
        string body, string? accept = null, string? contentType = "application/json") =>
        PostAsync(Encoding.UTF8.GetBytes(body), accept, contentType);

    public async Task<GraphQLHttpTestResponse> PostAsync(
        byte[] body, string? accept = null, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        return await SendAsync(request, accept);
    }

    /// <summary>POSTs <c>{"query": query, "variables": variables}</c>.</summary>
    public Task<GraphQLHttpTestResponse> PostQueryAsync(string query, object? variables = null, string? accept = null) =>
        PostAsync(JsonSerializer.Serialize(new { query, variables }), accept);

    /// <summary>GETs <see cref="Path"/> with the given (already encoded) query string, e.g. <c>?query=%7Bhello%7D</c>.</summary>
    public async Task<GraphQLHttpTestResponse> GetAsync(string queryString, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path + queryString);
        return await SendAsync(request, accept);
    }

    public async Task<GraphQLHttpTestResponse> SendAsync(HttpRequestMessage request, string? accept = null)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Client.SendAsync(request);
        return await GraphQLHttpTestResponse.ReadAsync(response);
    }

    /// <summary>Builds a GET query string from raw (unencoded) parameter values.</summary>
    public static string QueryString(params (string Name, string Value)[] parameters) =>
        "?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
}
