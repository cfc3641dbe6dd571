using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using static SQLitePCL.raw;

namespace ProcurementGraph.Api.Data.Lifecycle;

/// <summary>
/// Which exceptions mean "the database cannot be reached" (answered with <c>DATABASE_UNAVAILABLE</c>, the field null)
/// rather than a bug (answered as an unexpected error): a locked, missing, unreadable or full SQLite file; a refused,
/// dropped or timed-out SQL Server connection, a failed login, retries exhausted; any driver error marked transient.
/// </summary>
public static class DatabaseFailures
{
    private static readonly HashSet<int> UnavailableSqliteCodes =
    [
        SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL, SQLITE_NOTADB,
    ];

    // Connection-level SQL Server errors: timeout (-2), network (2, 53, 121, 10053, 10054, 10060, 10061, 11001), no answer to
    // the pre-login handshake (258), database not reachable or in transition (4060, 40613), login failed (18456), throttling (40501).
    private static readonly HashSet<int> UnavailableSqlServerNumbers =
    [
        -2, 2, 53, 121, 258, 4060, 10053, 10054, 10060, 10061, 11001, 18456, 40501, 40613,
    ];

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when UnavailableSqliteCodes.Contains(sqlite.SqliteErrorCode):
                case SqlException sql when sql.Class >= 20 || UnavailableSqlServerNumbers.Contains(sql.Number):
                case RetryLimitExceededException:
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
