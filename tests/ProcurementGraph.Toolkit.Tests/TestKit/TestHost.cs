using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.TestKit;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;

namespace ProcurementGraph.Toolkit.Tests.Querying.TestKit;

/// <summary>
/// The test schema over a seeded SQLite in-memory database (one kept-open connection), executed with
/// GraphQL.NET's document executer; every request runs in its own DI scope, as an HTTP request would.
/// </summary>
public sealed class LibraryHost : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;

    public LibraryHost(Action<IServiceCollection>? configure = null)
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        var services = new ServiceCollection();
        services.AddDbContext<LibraryContext>(options => options.UseSqlite(_connection).AddInterceptors(Sql));
        services.AddScoped<IQuerySource, DbContextQuerySource<LibraryContext>>();
        services.AddScoped<RequestRowRules>();
        services.AddScoped(provider => provider.GetRequiredService<RequestRowRules>().Rules);
        services.AddSingleton<LibraryQuery>();
        AddEntity<BookGraphType>(services);
        AddEntity<AuthorGraphType>(services);
        AddEntity<PublisherGraphType>(services);
        services.AddGraphQL(graph => graph
            .AddSchema<LibrarySchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(PageInfoGraphType).Assembly)
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(new FlatErrorInfoProvider(new ErrorInfoProviderOptions())));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();

        Change(db =>
        {
            db.Database.EnsureCreated();
            var library = LibraryData.Build();
            db.AddRange(library.Publishers);
            db.AddRange(library.Authors);
            db.AddRange(library.Books);
        });
    }

    public SqlStatementCounter Sql { get; } = new();

    /// <summary>Runs <paramref name="query"/>; the result carries the SQL statements it sent.</summary>
    public async Task<GraphResult> ExecuteAsync(string query, object? variables = null, IRowRules? rules = null)
    {
        await using var scope = _services.CreateAsyncScope();
        if (rules is not null)
        {
            scope.ServiceProvider.GetRequiredService<RequestRowRules>().Rules = rules;
        }

        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<LibrarySchema>>();
        Sql.Reset();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables)),
            RequestServices = scope.ServiceProvider,
        });
        return new GraphResult(JsonDocument.Parse(serializer.Serialize(result)).RootElement.Clone(), Sql.Commands);
    }

    /// <summary>Writes to the database outside any GraphQL request.</summary>
    public void Change(Action<LibraryContext> change)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryContext>();
        change(db);
        db.SaveChanges();
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

/// <summary>One seeded host shared by the tests of a class (they only read).</summary>
public sealed class LibraryFixture : IDisposable
{
    public LibraryHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
