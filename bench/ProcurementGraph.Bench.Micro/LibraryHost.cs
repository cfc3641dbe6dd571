using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Bench.Micro.Model;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// The benchmark schema over a seeded in-memory SQLite database (one kept-open connection), executed with GraphQL.NET's
/// document executer, every request in its own DI scope as an HTTP request would be: the set-up of the toolkit tests'
/// <c>LibraryHost</c>, without the test-only parts.
/// </summary>
internal sealed class LibraryHost : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;
    private readonly List<AsyncServiceScope> _captureScopes = [];

    public LibraryHost()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        var services = new ServiceCollection();
        // Pooled, as the application registers its contexts: a request leases a ready context.
        services.AddDbContextPool<LibraryContext>(options => options.UseSqlite(_connection).AddInterceptors(Compilations));
        services.AddScoped<IQuerySource, DbContextQuerySource<LibraryContext>>();
        services.AddSingleton<ResolverCapture>();
        services.AddSingleton<LibraryQuery>();
        AddEntity<BookGraphType>(services);
        AddEntity<AuthorGraphType>(services);
        AddEntity<PublisherGraphType>(services);
        services.AddGraphQL(graph => graph
            .AddSchema<LibrarySchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(PageInfoGraphType).Assembly)
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        _services = services.BuildServiceProvider();

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryContext>();
        db.Database.EnsureCreated();
        LibrarySeed.Fill(db);
    }

    /// <summary>The queries EF Core compiled so far (one per cache miss).</summary>
    public QueryCompilationCounter Compilations { get; } = new();

    /// <summary>The schema's entity graph type named <paramref name="name"/>.</summary>
    public IEntityGraphType Entity(string name) =>
        _services.GetRequiredService<LibrarySchema>().AllTypes[name] as IEntityGraphType
        ?? throw new InvalidOperationException($"{name} is not an entity type.");

    /// <summary>
    /// Executes <paramref name="document"/> with the root fields capturing, and returns the context the (single) root field's
    /// resolver was given. The request's DI scope stays open until the host is disposed, as the context's services need it.
    /// </summary>
    public IResolveFieldContext Capture(string document)
    {
        var capture = _services.GetRequiredService<ResolverCapture>();
        var scope = _services.CreateAsyncScope();
        _captureScopes.Add(scope);
        capture.Mode = RootFieldMode.Capture;
        try
        {
            var result = Execute(scope.ServiceProvider, document).GetAwaiter().GetResult();
            ThrowOnErrors(result, document);
            return capture.Take();
        }
        finally
        {
            capture.Mode = RootFieldMode.Run;
        }
    }

    /// <summary>
    /// One request as the server runs it: a DI scope, parse, validate, execute (SQL included), serialise the response. Returns
    /// the response's length. Meant for one caller at a time (the root fields' mode is the host's).
    /// </summary>
    /// <param name="document">The GraphQL document.</param>
    /// <param name="output">Receives the response.</param>
    /// <param name="skipRootFields">Resolve the root fields to null: everything but the toolkit, EF Core and SQLite.</param>
    public async Task<long> ExecuteAsync(string document, Stream output, bool skipRootFields = false)
    {
        _services.GetRequiredService<ResolverCapture>().Mode = skipRootFields ? RootFieldMode.Skip : RootFieldMode.Run;
        await using var scope = _services.CreateAsyncScope();
        var result = await Execute(scope.ServiceProvider, document).ConfigureAwait(false);
        var start = output.Position;
        await scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(output, result).ConfigureAwait(false);
        return output.Position - start;
    }

    /// <summary>
    /// Runs <paramref name="document"/> once and returns its <c>data</c>; throws when it answers with errors or the list at
    /// <paramref name="nonEmptyList"/> (a dotted path under <c>data</c>) is empty: a broken benchmark must not pass.
    /// </summary>
    public JsonElement Verify(string document, string nonEmptyList)
    {
        using var scope = _services.CreateScope();
        var result = Execute(scope.ServiceProvider, document).GetAwaiter().GetResult();
        ThrowOnErrors(result, document);
        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        var data = JsonDocument.Parse(json).RootElement.GetProperty("data").Clone();
        var list = nonEmptyList.Split('.').Aggregate(data, (element, name) => element.GetProperty(name));
        return list.GetArrayLength() > 0 ? data : throw new InvalidOperationException($"The benchmark document found no rows at {nonEmptyList}:\n{document}");
    }

    public void Dispose()
    {
        foreach (var scope in _captureScopes)
        {
            scope.Dispose();
        }

        _services.Dispose();
        _connection.Dispose();
    }

    private static Task<ExecutionResult> Execute(IServiceProvider requestServices, string document) =>
        requestServices.GetRequiredService<IDocumentExecuter<LibrarySchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = document,
            RequestServices = requestServices,
        });

    private static void ThrowOnErrors(ExecutionResult result, string document)
    {
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(
                $"The benchmark document failed: {string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message} {e.InnerException}"))}\n{document}");
        }
    }

    private static void AddEntity<T>(IServiceCollection services)
        where T : class, IEntityGraphType
    {
        services.AddSingleton<T>();
        services.AddSingleton<IEntityGraphType>(provider => provider.GetRequiredService<T>());
    }
}
