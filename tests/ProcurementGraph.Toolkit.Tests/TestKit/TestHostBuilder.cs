using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.TestKit;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>
/// What a test host of <typeparamref name="TSchema"/> is made of; start with <see cref="TestHost.For{TSchema}"/> or
/// <see cref="TestHost.Library"/>, say what the test needs, then <see cref="StartAsync"/> (or pass it to a fixture deriving
/// from <see cref="TestHost{TSchema}"/>). Each part is registered in one fixed order whatever the order of the calls:
/// schema and System.Text.Json, the library's types, the test's GraphQL configuration, flat errors, limits; then the HTTP
/// endpoint's services, the test's services; in the pipeline authentication and authorization before the endpoints.
/// </summary>
public sealed class TestHostBuilder<TSchema>
    where TSchema : Schema
{
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly List<Action<IGraphQLBuilder>> _graphQL = [];
    private readonly List<Action<WebApplication>> _endpoints = [];
    private bool _library;
    private bool _flatErrors;
    private bool _limits;
    private Action<GraphQLLimitsOptions>? _configureLimits;
    private bool _http;
    private Action<AuthorizationOptions>? _policies;

    internal TestHostBuilder()
    {
    }

    /// <summary>The library model (<see cref="LibrarySchema"/>) over a seeded SQLite in-memory database, row rules per request.</summary>
    internal TestHostBuilder<TSchema> WithLibrary()
    {
        _library = true;
        return this;
    }

    /// <summary>Errors as <see cref="FlatErrorInfoProvider"/> writes them (the code in <c>extensions.code</c>).</summary>
    public TestHostBuilder<TSchema> WithFlatErrors()
    {
        _flatErrors = true;
        return this;
    }

    /// <summary><c>AddGraphQLLimits</c>, with the defaults unless <paramref name="configure"/> says otherwise.</summary>
    public TestHostBuilder<TSchema> WithLimits(Action<GraphQLLimitsOptions>? configure = null)
    {
        _limits = true;
        _configureLimits = configure;
        return this;
    }

    /// <summary><c>AddGraphQLHttp</c> and <c>MapGraphQLHttp(</c><see cref="TestHost.Path"/><c>)</c>.</summary>
    public TestHostBuilder<TSchema> WithHttp()
    {
        _http = true;
        return this;
    }

    /// <summary>
    /// ASP.NET Core authentication by <see cref="TestAuthenticationHandler"/> (<c>Authorization: Test role1,role2</c>) and
    /// authorization with <paramref name="policies"/>, both in the pipeline before the endpoints.
    /// </summary>
    public TestHostBuilder<TSchema> WithTestAuthentication(Action<AuthorizationOptions> policies)
    {
        _policies = policies;
        return this;
    }

    public TestHostBuilder<TSchema> ConfigureGraphQL(Action<IGraphQLBuilder> configure)
    {
        _graphQL.Add(configure);
        return this;
    }

    public TestHostBuilder<TSchema> ConfigureServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>More endpoints (or middleware), after <see cref="WithHttp"/>'s.</summary>
    public TestHostBuilder<TSchema> MapEndpoints(Action<WebApplication> map)
    {
        _endpoints.Add(map);
        return this;
    }

    /// <summary>Builds and starts the host; a host that fails to start is disposed and the failure thrown.</summary>
    public async Task<TestHost<TSchema>> StartAsync()
    {
        var host = new TestHost<TSchema>(this);
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

    internal bool HasLibrary => _library;

    internal void AddServices(IServiceCollection services, SqliteConnection? connection, SqlStatementCounter sql)
    {
        if (_policies is not null)
        {
            services.AddAuthentication(TestAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
            services.AddAuthorization(_policies);
        }

        if (_library)
        {
            services.AddDbContext<LibraryContext>(options => options.UseSqlite(connection!).AddInterceptors(sql));
            services.AddScoped<IQuerySource, DbContextQuerySource<LibraryContext>>();
            services.AddScoped<RequestRowRules>();
            services.AddScoped(provider => provider.GetRequiredService<RequestRowRules>().Rules);
            services.AddSingleton<LibraryQuery>();
            AddEntity<BookGraphType>(services);
            AddEntity<AuthorGraphType>(services);
            AddEntity<PublisherGraphType>(services);
        }

        services.AddGraphQL(graph =>
        {
            graph.AddSchema<TSchema>().AddSystemTextJson();
            if (_library)
            {
                graph.AddGraphTypes(typeof(PageInfoGraphType).Assembly)
                    .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query);
            }

            foreach (var configure in _graphQL)
            {
                configure(graph);
            }

            if (_flatErrors)
            {
                graph.AddErrorInfoProvider(new FlatErrorInfoProvider(new ErrorInfoProviderOptions()));
            }

            if (_limits)
            {
                graph.AddGraphQLLimits(_configureLimits);
            }
        });

        if (_http)
        {
            services.AddGraphQLHttp();
        }

        foreach (var configure in _services)
        {
            configure(services);
        }
    }

    internal void MapEndpoints(WebApplication app)
    {
        if (_policies is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        if (_http)
        {
            app.MapGraphQLHttp(TestHost.Path);
        }

        foreach (var map in _endpoints)
        {
            map(app);
        }
    }

    private static void AddEntity<T>(IServiceCollection services)
        where T : class, IEntityGraphType
    {
        services.AddSingleton<T>();
        services.AddSingleton<IEntityGraphType>(provider => provider.GetRequiredService<T>());
    }
}
