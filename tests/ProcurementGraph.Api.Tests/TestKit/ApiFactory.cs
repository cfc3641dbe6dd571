using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// The real application (same registration entry point as Program) over its own copy of the
/// seeded demo database. Use as a class fixture: one database per test class.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _signingKey = DevelopmentTokens.NewSigningKey();
    private string? _databasePath;

    public SqlStatementCounter Sql { get; } = new();

    public string DatabasePath => _databasePath ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _databasePath = await TestDatabase.CopyDemoAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabase.Delete(DatabasePath);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:ConnectionString", TestDatabase.ConnectionString(DatabasePath));
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Database:SeedOnStart", "false");
        builder.UseSetting("Reporting:Today", TestDatabase.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (setting, value) in DevelopmentTokens.Settings(_signingKey))
        {
            builder.UseSetting(setting, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    /// <summary>A <c>dotnet user-jwts</c> token with <paramref name="roles"/> and <paramref name="claims"/> (valid for an hour unless given).</summary>
    public string Token(IEnumerable<string> roles, IDictionary<string, object>? claims = null, string name = "dev-user", TimeSpan? lifetime = null) =>
        DevelopmentTokens.Create(_signingKey, roles, claims, name, lifetime);

    /// <summary>A client sending a <c>dotnet user-jwts</c> token with <paramref name="roles"/> and <paramref name="claims"/>.</summary>
    public HttpClient CreateClient(IEnumerable<string> roles, IDictionary<string, object>? claims = null, string name = "dev-user")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", DevelopmentTokens.Create(_signingKey, roles, claims, name));
        return client;
    }
}
