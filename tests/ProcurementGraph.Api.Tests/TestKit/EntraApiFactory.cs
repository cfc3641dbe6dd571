using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// The real application in the Production environment (no development identity, no user-jwts scheme), over its own
/// copy of the demo database, validating tokens of <see cref="FakeEntraId"/> with Microsoft.Identity.Web: the only
/// change is where the OpenID metadata and keys come from (an in-memory handler instead of the network).
/// Shared by the <see cref="EntraCollection"/>: one authority per process (see <see cref="FakeEntraId"/>).
/// </summary>
public sealed class EntraApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _databasePath;

    public FakeEntraId Entra { get; } = FakeEntraId.Shared;

    public CapturedLogs Logs { get; } = new();

    public string DatabasePath => _databasePath ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _databasePath = await TestDatabase.CopyDemoAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabase.Delete(DatabasePath);
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token (none when null).</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client with a fresh valid token; <paramref name="configure"/> sets roles, scopes and claims.</summary>
    public HttpClient CreateClient(Action<EntraToken> configure) => CreateClient(Entra.CreateToken(configure));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:ConnectionString", TestDatabase.ConnectionString(DatabasePath));
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Database:SeedOnStart", "false");
        builder.UseSetting("AzureAd:Instance", FakeEntraId.Instance);
        builder.UseSetting("AzureAd:TenantId", FakeEntraId.TenantId);
        builder.UseSetting("AzureAd:ClientId", FakeEntraId.ClientId);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            // Configure, not PostConfigure: JwtBearer's PostConfigure builds its metadata fetcher from this handler.
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = Entra.CreateHandler());
            services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = FakeEntraId.HttpClientName);
            services.AddHttpClient(FakeEntraId.HttpClientName).ConfigurePrimaryHttpMessageHandler(Entra.CreateHandler);
        });
    }
}
