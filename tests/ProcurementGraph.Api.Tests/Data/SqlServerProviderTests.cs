using Microsoft.AspNetCore.Builder;
using ProcurementGraph.Api.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>The SQL Server provider as the application registers it, checked offline (no server runs here).</summary>
public sealed class SqlServerProviderTests : IDisposable
{
    private readonly WebApplication _api = CliCommand.BuildHost(
    [
        "--Database:Provider", "SqlServer",
        "--Database:ConnectionString", "Server=none;Database=ProcurementGraph;User Id=x;Password=y;TrustServerCertificate=true",
    ]);

    [Fact]
    public void The_configured_provider_gives_a_sql_server_context_that_retries_transient_failures()
    {
        using var scope = _api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();

        Assert.IsType<SqlServerProcurementDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
        Assert.IsType<SqlServerRetryingExecutionStrategy>(db.Database.CreateExecutionStrategy());
    }

    [Fact]
    public void The_suppliers_page_query_is_valid_t_sql()
    {
        using var scope = _api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        var after = 500;
        var query = db.Suppliers.AsNoTracking().Where(s => s.Id > after && s.Status == SupplierStatus.Active && s.Name.StartsWith("Ab"))
            .OrderBy(s => s.Id).Take(51);

        var sql = query.ToQueryString();

        Assert.Contains("TOP(@", sql, StringComparison.Ordinal);
        Assert.Empty(TSql.Parse(sql));
    }

    public void Dispose() => ((IDisposable)_api).Dispose();
}
