using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;
using ProcurementGraph.TestKit;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// What a test host of the real application is made of, said once: the environment, the identity (none, the
/// <c>dotnet user-jwts</c> scheme or a <see cref="FakeEntraId"/> tenant), the database (a SQLite file, optionally with a
/// read-only replica, or <see cref="OfflineSqlServer"/>), settings, EF interceptors, log capture and test services.
/// <see cref="ApiHost"/> fills one in <see cref="ApiHost.Configure"/> and <see cref="Apply"/> turns it into the web
/// host's configuration. Start-up never migrates or seeds (the tests' databases are copies of a seeded template), the
/// reporting date is <see cref="TestDatabase.ReferenceDate"/> unless <see cref="OnTheRealDate"/>, and settings given later
/// win over earlier ones.
/// </summary>
public sealed class ApiHostBuilder
{
    private readonly List<KeyValuePair<string, string?>> _settings =
    [
        new("Database:MigrateOnStart", "false"),
        new("Database:SeedOnStart", "false"),
    ];

    private readonly List<IInterceptor> _interceptors = [];
    private readonly List<ILoggerProvider> _logs = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private FakeEntraId? _entra;
    private bool _referenceDate = true;

    /// <summary>The ASP.NET Core environment (Development unless told).</summary>
    public string Environment { get; private set; } = "Development";

    public ApiHostBuilder InEnvironment(string environment)
    {
        Environment = environment;
        return this;
    }

    /// <summary>No <c>Reporting:Today</c>: date-relative fields are computed for the day the test runs, as in production.</summary>
    public ApiHostBuilder OnTheRealDate()
    {
        _referenceDate = false;
        return this;
    }

    /// <summary>The SQLite file at <paramref name="path"/>, and <paramref name="readOnlyPath"/> as its read replica when given.</summary>
    public ApiHostBuilder OnSqlite(string path, string? readOnlyPath = null)
    {
        WithSetting("Database:ConnectionString", TestDatabase.ConnectionString(path));
        return readOnlyPath is null ? this : WithSetting("Database:ReadOnlyConnectionString", TestDatabase.ConnectionString(readOnlyPath));
    }

    /// <summary>The SQL Server provider with <paramref name="offline"/> standing in for the server (no connection is made).</summary>
    public ApiHostBuilder OnOfflineSqlServer(OfflineSqlServer offline) =>
        WithSetting("Database:Provider", "SqlServer")
            .WithSetting("Database:ConnectionString", "Server=offline;Database=ProcurementGraph;User Id=x;Password=y;TrustServerCertificate=true")
            .WithInterceptors(offline);

    /// <summary>The <c>dotnet user-jwts</c> scheme (<c>DevJwt</c>) with <paramref name="signingKey"/>: <see cref="DevelopmentTokens"/> are valid.</summary>
    public ApiHostBuilder WithDevelopmentTokens(string signingKey) =>
        WithSettings(DevelopmentTokens.Settings(signingKey).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));

    /// <summary>
    /// The app's Entra app registration pointed at <paramref name="entra"/>: Microsoft.Identity.Web validates its tokens as in
    /// production; only the OpenID metadata and keys come from an in-memory handler instead of the network.
    /// </summary>
    public ApiHostBuilder WithEntra(FakeEntraId entra)
    {
        _entra = entra;
        return WithSetting("AzureAd:Instance", FakeEntraId.Instance)
            .WithSetting("AzureAd:TenantId", FakeEntraId.TenantId)
            .WithSetting("AzureAd:ClientId", FakeEntraId.ClientId);
    }

    public ApiHostBuilder WithSetting(string key, string? value)
    {
        _settings.Add(new(key, value));
        return this;
    }

    public ApiHostBuilder WithSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        _settings.AddRange(settings);
        return this;
    }

    /// <summary>EF interceptors registered as the app's <see cref="IInterceptor"/>s: they join every context the app makes.</summary>
    public ApiHostBuilder WithInterceptors(params IEnumerable<IInterceptor> interceptors)
    {
        _interceptors.AddRange(interceptors);
        return this;
    }

    /// <summary>A logger provider (e.g. <see cref="CapturedLogs"/>) added to the app's logging.</summary>
    public ApiHostBuilder WithLogs(ILoggerProvider logs)
    {
        _logs.Add(logs);
        return this;
    }

    /// <summary>Services added after the app's own (<c>ConfigureTestServices</c>), in the order given.</summary>
    public ApiHostBuilder WithTestServices(Action<IServiceCollection> services)
    {
        _services.Add(services);
        return this;
    }

    /// <summary>The web host's configuration for all of the above.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (_referenceDate)
        {
            builder.UseSetting("Reporting:Today", TestDatabase.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_logs.Count > 0)
        {
            builder.ConfigureLogging(logging => _logs.ForEach(provider => logging.AddProvider(provider)));
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var interceptor in _interceptors)
            {
                services.AddSingleton(interceptor);
            }

            foreach (var configure in _services)
            {
                configure(services);
            }

            if (_entra is { } entra)
            {
                // Configure, not PostConfigure: JwtBearer's PostConfigure builds its metadata fetcher from this handler.
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = entra.CreateHandler());
                services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = FakeEntraId.HttpClientName);
                services.AddHttpClient(FakeEntraId.HttpClientName).ConfigurePrimaryHttpMessageHandler(entra.CreateHandler);
            }
        });
    }
}
