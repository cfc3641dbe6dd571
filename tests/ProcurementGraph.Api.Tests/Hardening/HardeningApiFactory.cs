using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>
/// The real application over its own copy of the demo database, in Development or Production (Production validates
/// <see cref="FakeEntraId"/> tokens as <see cref="EntraApiFactory"/> does), with extra settings and EF interceptors.
/// Every response carries the request's trace identifier in <see cref="TraceIdHeader"/> (a test-only middleware) so
/// tests can compare it with the correlation id of an error. One factory per test: start it with <see cref="StartAsync"/>.
/// </summary>
public sealed class HardeningApiFactory : ApiHost
{
    public const string TraceIdHeader = "X-Test-Trace-Id";

    /// <summary>A request with this header makes a test middleware throw (an exception outside GraphQL).</summary>
    public const string ThrowHeader = "X-Test-Throw";

    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly IInterceptor[] _interceptors;
    private readonly Action<IServiceCollection>? _services;

    private HardeningApiFactory(
        string environment, IReadOnlyDictionary<string, string?>? settings, IInterceptor[] interceptors, Action<IServiceCollection>? services)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
        _interceptors = interceptors;
        _services = services;
    }

    public CapturedLogs Logs { get; } = new();

    public static Task<HardeningApiFactory> StartAsync(
        string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, params IInterceptor[] interceptors) =>
        StartedAsync(new HardeningApiFactory(environment, settings, interceptors, services: null));

    /// <summary>As <see cref="StartAsync"/>, with test services (e.g. an extra execution step) added to the app's.</summary>
    public static Task<HardeningApiFactory> StartWithServicesAsync(
        Action<IServiceCollection> services, IReadOnlyDictionary<string, string?>? settings = null, params IInterceptor[] interceptors) =>
        StartedAsync(new HardeningApiFactory("Development", settings, interceptors, services));

    /// <summary>A valid Production token of a reader app whose object id is <paramref name="objectId"/>.</summary>
    public static string ReaderToken(string objectId = "00000000-0000-4000-8000-00000000a001") =>
        FakeEntraId.Shared.CreateToken(t =>
        {
            t.ObjectId = objectId;
            t.Roles.Add("Procurement.Reader");
        });

    /// <summary>Holds an exclusive lock on the database until disposed: readers get SQLITE_BUSY.</summary>
    public async Task<IAsyncDisposable> LockDatabaseAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM Suppliers;";
            await command.ExecuteScalarAsync();
        }

        return new DatabaseLock(connection);
    }

    protected override void Configure(ApiHostBuilder host)
    {
        host.InEnvironment(_environment).OnSqlite(DatabasePath);
        if (_environment != "Development")
        {
            host.WithEntra(FakeEntraId.Shared);
        }

        host.WithSettings(_settings).WithLogs(Logs).WithInterceptors(_interceptors);
        if (_services is not null)
        {
            host.WithTestServices(_services);
        }

        host.WithTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TraceIdStartupFilter>();
            services.AddSingleton<IGraphQLHttpRequestInterceptor, ThrowingRequestInterceptor>();
        });
    }

    private static async Task<HardeningApiFactory> StartedAsync(HardeningApiFactory factory)
    {
        await factory.InitializeAsync();
        _ = factory.Server; // starts the host
        return factory;
    }

    private sealed class TraceIdStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[TraceIdHeader] = context.TraceIdentifier;
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Throws in the GraphQL endpoint, before execution: an exception no GraphQL error handling sees.</summary>
    private sealed class ThrowingRequestInterceptor : IGraphQLHttpRequestInterceptor
    {
        public ValueTask OnExecutingAsync(HttpContext context, ExecutionOptions options) =>
            context.Request.Headers.ContainsKey(ThrowHeader)
                ? throw new InvalidOperationException("test failure outside GraphQL: secret-pipeline-detail")
                : ValueTask.CompletedTask;
    }

    private sealed class DatabaseLock(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "COMMIT; PRAGMA locking_mode=NORMAL; SELECT count(*) FROM Suppliers;";
                await command.ExecuteScalarAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
