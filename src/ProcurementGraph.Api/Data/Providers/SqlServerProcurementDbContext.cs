using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>SQL Server / Azure SQL: case-insensitive through the database's default collation.</summary>
public sealed class SqlServerProcurementDbContext(DbContextOptions<SqlServerProcurementDbContext> options)
    : ProcurementDbContext(options);
