using ProcurementGraph.Api.Data.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProcurementGraph.Api.Data.Providers;

namespace ProcurementGraph.Api.Data.DesignTime;

/// <summary>
/// Used by <c>dotnet ef ... --context SqliteProcurementDbContext</c>; needs no database.
/// A <c>-- --connection "..."</c> argument overrides the placeholder connection string.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteProcurementDbContext>
{
    public SqliteProcurementDbContext CreateDbContext(string[] args)
    {
        var settings = DesignTimeArguments.Settings(args, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        var options = new DbContextOptionsBuilder<SqliteProcurementDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, settings);
        return new SqliteProcurementDbContext(options.Options);
    }
}
