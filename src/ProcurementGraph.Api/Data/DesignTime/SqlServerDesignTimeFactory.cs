using ProcurementGraph.Api.Data.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProcurementGraph.Api.Data.Providers;

namespace ProcurementGraph.Api.Data.DesignTime;

/// <summary>
/// Used by <c>dotnet ef ... --context SqlServerProcurementDbContext</c>; generating migrations and
/// scripts needs no server. A <c>-- --connection "..."</c> argument overrides the placeholder.
/// </summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerProcurementDbContext>
{
    public SqlServerProcurementDbContext CreateDbContext(string[] args)
    {
        var settings = DesignTimeArguments.Settings(
            args, DatabaseProvider.SqlServer, "Server=localhost;Database=ProcurementGraph;Integrated Security=true;TrustServerCertificate=true");
        var options = new DbContextOptionsBuilder<SqlServerProcurementDbContext>();
        DatabaseRegistration.ConfigureSqlServer(options, settings);
        return new SqlServerProcurementDbContext(options.Options);
    }
}
