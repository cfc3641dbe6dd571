using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>SQL Server / Azure SQL: case-insensitive through the database's default collation.</summary>
public sealed class SqlServerProcurementDbContext(DbContextOptions<SqlServerProcurementDbContext> options)
    : ProcurementDbContext(options)
{
    /// <summary>A <c>rowversion</c> column: the server renews it on every insert and update; EF checks it in WHERE and reads it back with OUTPUT.</summary>
    protected override void ConfigureVersion(PropertyBuilder<byte[]> version) => version.IsRowVersion();
}
