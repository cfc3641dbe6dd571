using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>
/// The embedded SQLite database. Text columns use the NOCASE collation so that equality,
/// ordering and uniqueness are case-insensitive, as on SQL Server's default collation.
/// </summary>
public sealed class SqliteProcurementDbContext(DbContextOptions<SqliteProcurementDbContext> options)
    : ProcurementDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation("NOCASE");
    }
}
