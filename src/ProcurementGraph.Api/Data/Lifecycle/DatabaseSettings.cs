using ProcurementGraph.Api.Hosting;
namespace ProcurementGraph.Api.Data.Lifecycle;

/// <summary>The validated database configuration: a known provider and a usable connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, DatabaseOptions Options)
{
    /// <summary>Validates <paramref name="options"/>; throws <see cref="StartupException"/> naming the wrong setting.</summary>
    public static DatabaseSettings From(DatabaseOptions options, string contentRoot)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider) || int.TryParse(options.Provider, out _))
        {
            throw new StartupException(
                $"Database:Provider '{options.Provider}' is not supported; use '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.SqlServer}'.");
        }

        if (options.StartupTimeoutSeconds <= 0 || options.CommandTimeoutSeconds <= 0)
        {
            throw new StartupException("Database:StartupTimeoutSeconds and Database:CommandTimeoutSeconds must be positive.");
        }

        var readOnly = ReadOnly(provider, options.ReadOnlyConnectionString);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new DatabaseSettings(provider, options.ConnectionString, options) { ReadOnlyConnectionString = readOnly };
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            throw new StartupException(
                "Database:ConnectionString is required when Database:Provider is SqlServer (e.g. environment variable Database__ConnectionString).");
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        return new DatabaseSettings(provider, $"Data Source={Path.Combine(directory, "procurement.db")}", options) { ReadOnlyConnectionString = readOnly };
    }

    /// <summary>
    /// The read replica's connection string (<c>Database:ReadOnlyConnectionString</c>), or null when there is none. SQLite
    /// files are opened <c>Mode=ReadOnly</c> (unless a mode is given): a replica is never written, and never created.
    /// </summary>
    public string? ReadOnlyConnectionString { get; init; }

    private static string? ReadOnly(DatabaseProvider provider, string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }

        const string Setting = "Database:ReadOnlyConnectionString";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException($"{Setting} must be a connection string when it is set (got '{connectionString}').");
        }

        try
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                return new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString).ConnectionString;
            }

            var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            if (sqlite.DataSource is "" or ":memory:")
            {
                throw new StartupException($"{Setting} must name a SQLite file (Data Source=...).");
            }

            if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Mode"))
            {
                sqlite.Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;
            }

            return sqlite.ToString();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StartupException($"{Setting} is not a valid {provider} connection string: {e.Message}");
        }
    }

    /// <summary>The SQLite file this configuration points to, or null for SQL Server and in-memory SQLite.</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }

            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
            return builder.DataSource is "" or ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory
                ? null
                : Path.GetFullPath(builder.DataSource);
        }
    }
}
