namespace ProcurementGraph.Api.Data.Lifecycle;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Required for SqlServer; for Sqlite it defaults to a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A read-only copy of the database (a read replica; SQL Server: with <c>ApplicationIntent=ReadOnly</c>, Azure SQL read
    /// scale-out) for the aggregates and the BI root lists; unset: everything reads the primary.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }

    /// <summary>Where the embedded SQLite file lives, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the server starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed demo data on start when the database holds no supplier yet.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>The size seeded on start: <c>demo</c> or <c>large</c>.</summary>
    public string SeedSize { get; set; } = "demo";

    /// <summary>How long the start waits for the database before giving up.</summary>
    public int StartupTimeoutSeconds { get; set; } = 15;

    /// <summary>Command timeout for every SQL statement.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
}
