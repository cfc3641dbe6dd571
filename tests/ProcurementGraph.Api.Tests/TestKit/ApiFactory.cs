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
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Sql));
    }
}
