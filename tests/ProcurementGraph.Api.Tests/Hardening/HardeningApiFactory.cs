using System.Net.Http.Headers;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>
/// The real application over its own copy of the demo database, in Development or Production (Production validates
/// <see cref="FakeEntraId"/> tokens as <see cref="EntraApiFactory"/> does), with extra settings and EF interceptors.
/// Every response carries the request's trace identifier in <see cref="TraceIdHeader"/> (a test-only middleware) so
/// tests can compare it with the correlation id of an error. One factory per test: start it with <see cref="StartAsync"/>.
/// </summary>
public sealed class HardeningApiFactory : WebApplicationFactory<Program>
{
    public const string TraceIdHeader = "X-Test-Trace-Id";

    /// <summary>A request with this header makes a test middleware throw (an exception outside GraphQL).</summary>
    public const string ThrowHeader = "X-Test-Throw";

    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly IInterceptor[] _interceptors;
    private Action<IServiceCollection>? _services;

    private HardeningApiFactory(string environment, IReadOnlyDictionary<string, string?> settings, IInterceptor[] interceptors, string databasePath)
    {
        _environment = environment;
        _settings = settings;
        _interceptors = interceptors;
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public CapturedLogs Logs { get; } = new();

    public static async Task<HardeningApiFactory> StartAsync(
        string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, params IInterceptor[] interceptors)
    {
        var factory = new HardeningApiFactory(environment, settings ?? new Dictionary<string, string?>(), interceptors, await TestDatabase.CopyDemoAsync());
        _ = factory.Server; // starts the host
        return factory;
    }

    /// <summary>As <see cref="StartAsync"/>, with test services (e.g. an extra execution step) added to the app's.</summary>
    public static async Task<HardeningApiFactory> StartWithServicesAsync(
        Action<IServiceCollection> services, IReadOnlyDictionary<string, string?>? settings = null, params IInterceptor[] interceptors)
    {
        var factory = new HardeningApiFactory("Development", settings ?? new Dictionary<string, string?>(), interceptors, await TestDatabase.CopyDemoAsync())
        {
            _services = services,
        };
        _ = factory.Server;
        return factory;
    }

    /// <summary>A client sending <paramref name="token"/> as bearer token (none when null).</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabase.Delete(DatabasePath);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:ConnectionString", TestDatabase.ConnectionString(DatabasePath));
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Database:SeedOnStart", "false");
        builder.UseSetting("Reporting:Today", TestDatabase.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (_environment != "Development")
        {
            builder.UseSetting("AzureAd:Instance", FakeEntraId.Instance);
            builder.UseSetting("AzureAd:TenantId", FakeEntraId.TenantId);
            builder.UseSetting("AzureAd:ClientId", FakeEntraId.ClientId);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            foreach (var interceptor in _interceptors)
            {
                services.AddSingleton(interceptor);
            }

            _services?.Invoke(services);
            services.AddSingleton<IStartupFilter, TraceIdStartupFilter>();
            services.AddSingleton<IGraphQLHttpRequestInterceptor, ThrowingRequestInterceptor>();
            if (_environment != "Development")
            {
                var entra = FakeEntraId.Shared;
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = entra.CreateHandler());
                services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = FakeEntraId.HttpClientName);
                services.AddHttpClient(FakeEntraId.HttpClientName).ConfigurePrimaryHttpMessageHandler(entra.CreateHandler);
            }
        });
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
