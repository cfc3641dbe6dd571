using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Api.Data.Providers;

/// <summary>
/// Once the server serves (<see cref="Activator"/>, a hosted service: after the start has created, migrated and seeded the
/// database), SQLite files are opened with <c>Mode=ReadWrite</c> instead of the default <c>ReadWriteCreate</c>: a database
/// file that went missing is an error (<c>SQLITE_CANTOPEN</c>, answered <c>DATABASE_UNAVAILABLE</c>, <c>/health/ready</c>
/// 503) until it is back, never a new empty database created in its place (which would also adopt the old file's WAL).
/// The CLI verbs and the first start keep creating the file as before.
/// </summary>
public sealed class SqliteServingModeInterceptor : DbConnectionInterceptor
{
    private readonly ConcurrentDictionary<string, string> _servingConnectionStrings = new(StringComparer.Ordinal);
    private volatile bool _serving;

    public bool Serving
    {
        get => _serving;
        set => _serving = value;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Apply(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>The connection string to serve with: <c>Mode=ReadWrite</c> for a file opened with the default mode, else unchanged.</summary>
    public static string ServingConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.ReadWriteCreate || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        builder.Mode = SqliteOpenMode.ReadWrite;
        return builder.ToString();
    }

    private void Apply(DbConnection connection)
    {
        if (!_serving || connection is not SqliteConnection sqlite)
        {
            return;
        }

        var current = sqlite.ConnectionString;
        var serving = _servingConnectionStrings.GetOrAdd(current, ServingConnectionString);
        if (serving != current)
        {
            sqlite.ConnectionString = serving;
        }
    }

    /// <summary>Switches the interceptor on when the host starts serving.</summary>
    public sealed class Activator(SqliteServingModeInterceptor interceptor) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            interceptor.Serving = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
