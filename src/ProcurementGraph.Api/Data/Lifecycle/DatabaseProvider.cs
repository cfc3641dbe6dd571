namespace ProcurementGraph.Api.Data.Lifecycle;

/// <summary>The database engines the graph can read.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a file in the data folder, created and seeded on first start.</summary>
    Sqlite,

    /// <summary>SQL Server or Azure SQL, reached through <c>Database:ConnectionString</c>.</summary>
    SqlServer,
}
