using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    /// <summary>
    /// SQLite has no database-generated concurrency token; EF Core's way there is an application-managed one: 8 random bytes
    /// the context renews on every insert and update (set-based updates through <c>ExecuteVersionedUpdateAsync</c>).
    /// </summary>
    protected override void ConfigureVersion(PropertyBuilder<byte[]> version) => version.IsConcurrencyToken();
}
