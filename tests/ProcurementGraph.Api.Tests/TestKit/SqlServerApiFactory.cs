using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>The real application on the SQL Server provider, with <see cref="OfflineSqlServer"/> standing in for the server.</summary>
public sealed class SqlServerApiFactory : WebApplicationFactory<Program>
{
    public OfflineSqlServer Offline { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "SqlServer");
        builder.UseSetting("Database:ConnectionString", "Server=offline;Database=ProcurementGraph;User Id=x;Password=y;TrustServerCertificate=true");
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Database:SeedOnStart", "false");
        builder.UseSetting("Reporting:Today", "2026-06-30");
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Offline));
    }
}
