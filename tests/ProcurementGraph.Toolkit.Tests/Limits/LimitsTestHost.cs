using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Tests.Querying.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>
/// The querying toolkit's library schema with <c>AddGraphQLLimits</c>, over a seeded SQLite in-memory database,
/// executed with GraphQL.NET's document executer (no HTTP).
/// </summary>
public sealed class LimitsTestHost : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;

    public LimitsTestHost(Action<GraphQLLimitsOptions>? configure = null)
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        var services = new ServiceCollection();
        services.AddDbContext<LibraryContext>(options => options.UseSqlite(_connection));
        services.AddScoped<IQuerySource, DbContextQuerySource<LibraryContext>>();
        services.AddScoped<IRowRules, NoRowRules>();
        services.AddSingleton<LibraryQuery>();
        AddEntity<BookGraphType>(services);
        AddEntity<AuthorGraphType>(services);
        AddEntity<PublisherGraphType>(services);
        services.AddGraphQL(graph => graph
            .AddSchema<LibrarySchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(PageInfoGraphType).Assembly)
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(new FlatErrorInfoProvider(new ErrorInfoProviderOptions()))
            .AddGraphQLLimits(configure));
        _services = services.BuildServiceProvider();

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryContext>();
        db.Database.EnsureCreated();
        var library = LibraryData.Build();
        db.AddRange(library.Publishers);
        db.AddRange(library.Authors);
        db.AddRange(library.Books);
        db.SaveChanges();
    }

    public ISchema Schema => _services.GetRequiredService<LibrarySchema>();

    /// <summary>Runs <paramref name="query"/> as an anonymous caller (or <paramref name="user"/>), asking for a cost report when set.</summary>
    public async Task<JsonElement> ExecuteAsync(
        string query, object? variables = null, CostReporting reporting = CostReporting.None, ClaimsPrincipal? user = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<LibrarySchema>>();
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

        var result = await executer.ExecuteAsync(options);
        return JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone();
    }

    /// <summary>The costs of <paramref name="query"/>, from a <c>validate</c> request.</summary>
    public async Task<(double FieldCost, double TypeCost)> CostAsync(string query, object? variables = null)
    {
        var json = await ExecuteAsync(query, variables, CostReporting.Validate);
        Assert.False(json.TryGetProperty("errors", out _), "Unexpected errors: " + json);
        var cost = json.GetProperty("extensions").GetProperty("operationCost");
        return (cost.GetProperty("fieldCost").GetDouble(), cost.GetProperty("typeCost").GetDouble());
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }

    private static void AddEntity<T>(IServiceCollection services)
        where T : class, IEntityGraphType
    {
        services.AddSingleton<T>();
        services.AddSingleton<IEntityGraphType>(provider => provider.GetRequiredService<T>());
    }
}

/// <summary>One host with the default limits, shared by the tests of a class.</summary>
public sealed class LimitsFixture : IDisposable
{
    public LimitsTestHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}

/// <summary>Reading GraphQL JSON results in the limits tests.</summary>
internal static class LimitsJson
{
    public static JsonElement[] Errors(this JsonElement result) =>
        result.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    public static JsonElement SingleError(this JsonElement result)
    {
        var errors = result.Errors();
        Assert.True(errors.Length == 1, "Expected one error: " + result);
        return errors[0];
    }

    public static string? Code(this JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;
}
