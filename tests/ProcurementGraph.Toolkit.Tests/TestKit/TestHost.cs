using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProcurementGraph.TestKit;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>Where the toolkit tests' hosts start, and the helpers for reading what they answer.</summary>
public static class TestHost
{
    /// <summary>Where <see cref="TestHostBuilder{TSchema}.WithHttp"/> maps the GraphQL endpoint.</summary>
    public const string Path = "/graphql";

    /// <summary>A host of <typeparamref name="TSchema"/> (with System.Text.Json); the test adds what it needs.</summary>
    public static TestHostBuilder<TSchema> For<TSchema>()
        where TSchema : Schema => new();

    /// <summary>The library model over a seeded SQLite in-memory database (one kept-open connection), errors flat.</summary>
    public static TestHostBuilder<LibrarySchema> Library() => For<LibrarySchema>().WithLibrary().WithFlatErrors();

    /// <summary>Builds a GET query string from raw (unencoded) parameter values.</summary>
    public static string QueryString(params (string Name, string Value)[] parameters) =>
        "?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>Path segments of an error, e.g. <c>items.1.secret</c>.</summary>
    public static string PathOf(JsonElement error) =>
        string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? p.GetInt32().ToString(CultureInfo.InvariantCulture) : p.GetString()));

    /// <summary>The <c>extensions.code</c> of an error.</summary>
    public static string? CodeOf(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString();

    /// <summary>A response header's values joined, or null.</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}

/// <summary>
/// The one host of the toolkit tests: a <see cref="WebApplication"/> on ASP.NET Core's TestServer (Production environment,
/// log lines kept in <see cref="Logs"/>), made as its <see cref="TestHostBuilder{TSchema}"/> says. Requests go in
/// process through the document executer (<see cref="ExecuteAsync"/>, each in its own DI scope as an HTTP request
/// would be) or through HTTP (<see cref="PostAsync(string, string?, string?)"/> and the like) when the endpoint is mapped.
/// A class fixture derives from it with the builder its tests share; a test with its own needs calls
/// <see cref="TestHostBuilder{TSchema}.StartAsync"/>.
/// </summary>
public class TestHost<TSchema> : IAsyncLifetime, IAsyncDisposable
    where TSchema : Schema
{
    private readonly TestHostBuilder<TSchema> _builder;
    private SqliteConnection? _connection;
    private WebApplication? _app;
    private HttpClient? _client;

    protected internal TestHost(TestHostBuilder<TSchema> builder)
    {
        _builder = builder;
    }

    public HttpClient Client => _client ?? throw new InvalidOperationException("The host is not started.");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not started.");

    public TSchema Schema => Services.GetRequiredService<TSchema>();

    /// <summary>The SQL statements of the library database (reset by each <see cref="ExecuteAsync"/>).</summary>
    public SqlStatementCounter Sql { get; } = new();

    /// <summary>Every line logged at Information or above.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Information);
        if (_builder.HasLibrary)
        {
            _connection = new SqliteConnection("Data Source=:memory:");
            _connection.Open();
        }

        _builder.AddServices(builder.Services, _connection, Sql);
        _app = builder.Build();
        _builder.MapEndpoints(_app);
        await _app.StartAsync();
        _client = _app.GetTestClient();
        if (_builder.HasLibrary)
        {
            Change(db =>
            {
                db.Database.EnsureCreated();
                var library = LibraryData.Build();
                db.AddRange(library.Publishers);
                db.AddRange(library.Authors);
                db.AddRange(library.Books);
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _connection?.Dispose();
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>
    /// Runs <paramref name="query"/> through the document executer as an anonymous caller (or <paramref name="user"/>),
    /// under <paramref name="rules"/> (library hosts) and asking for a cost report when set; the result carries the SQL
    /// statements it sent.
    /// </summary>
    public async Task<GraphResult> ExecuteAsync(
        string query, object? variables = null, IRowRules? rules = null, ClaimsPrincipal? user = null, CostReporting reporting = CostReporting.None)
    {
        await using var scope = Services.CreateAsyncScope();
        if (rules is not null)
        {
            scope.ServiceProvider.GetRequiredService<RequestRowRules>().Rules = rules;
        }

        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<TSchema>>();
        var options = new ExecutionOptions
        {
            Query = query,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables)),
            RequestServices = scope.ServiceProvider,
            User = user ?? new ClaimsPrincipal(new ClaimsIdentity()),
        };
        if (reporting != CostReporting.None)
        {
            CostRequest.For(options.UserContext).Reporting = reporting;
        }

        Sql.Reset();
        var result = await executer.ExecuteAsync(options);
        return new GraphResult(JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone(), Sql.Commands);
    }

    /// <summary>The costs of <paramref name="query"/>, from a <c>validate</c> request.</summary>
    public async Task<(double FieldCost, double TypeCost)> CostAsync(string query, object? variables = null)
    {
        var result = await ExecuteAsync(query, variables, reporting: CostReporting.Validate);
        Assert.False(result.Json.TryGetProperty("errors", out _), "Unexpected errors: " + result.Json);
        var cost = result.Json.GetProperty("extensions").GetProperty("operationCost");
        return (cost.GetProperty("fieldCost").GetDouble(), cost.GetProperty("typeCost").GetDouble());
    }

    /// <summary>Writes to the library database outside any GraphQL request.</summary>
    public void Change(Action<LibraryContext> change)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryContext>();
        change(db);
        db.SaveChanges();
    }

    /// <summary>POSTs <paramref name="body"/> as UTF-8 with the given content type (none when null).</summary>
    public Task<GraphQLHttpTestResponse> PostAsync(string body, string? accept = null, string? contentType = "application/json") =>
        PostAsync(Encoding.UTF8.GetBytes(body), accept, contentType);

    public async Task<GraphQLHttpTestResponse> PostAsync(byte[] body, string? accept = null, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path) { Content = content };
        return await SendAsync(request, accept);
    }

    /// <summary>POSTs <c>{"query": query, "variables": variables}</c>.</summary>
    public Task<GraphQLHttpTestResponse> PostQueryAsync(string query, object? variables = null, string? accept = null) =>
        PostAsync(JsonSerializer.Serialize(new { query, variables }), accept);

    /// <summary>
    /// POSTs a query to <paramref name="path"/> as the given roles (<c>Authorization: Test r1,r2</c>, see
    /// <see cref="TestHostBuilder{TSchema}.WithTestAuthentication"/>), or anonymously when null.
    /// </summary>
    public async Task<GraphQLHttpTestResponse> PostAsAsync(
        string query, string[]? roles, object? variables = null, string? operationName = null, string path = TestHost.Path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        if (roles is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", ("Test " + string.Join(',', roles)).Trim());
        }

        return await SendAsync(request, accept);
    }

    /// <summary>GETs <see cref="TestHost.Path"/> with the given (already encoded) query string, e.g. <c>?query=%7Bhello%7D</c>.</summary>
    public async Task<GraphQLHttpTestResponse> GetAsync(string queryString, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TestHost.Path + queryString);
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
}
