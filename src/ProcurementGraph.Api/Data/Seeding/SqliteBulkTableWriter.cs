using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// SQLite: one transaction, one prepared INSERT per table whose parameters are created by EF's type
/// mappings and reused for every row. A table's secondary indexes are dropped for its load and
/// recreated from their own stored SQL afterwards (building an index once is far cheaper than
/// updating it per row; DDL is transactional, so a failure restores them). Foreign keys stay
/// enforced. Durability is relaxed (synchronous=OFF) and the page cache enlarged only for the
/// load; both settings are restored afterwards (connections are pooled).
/// </summary>
internal sealed class SqliteBulkTableWriter(DbContext db) : IBulkTableWriter
{
    private const long LoadCacheKib = 64 * 1024;

    private readonly DbConnection connection = db.Database.GetDbConnection();
    private DbTransaction? transaction;
    private string? synchronous;
    private string? cacheSize;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        synchronous = Convert.ToString(await ScalarAsync("PRAGMA synchronous;", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        cacheSize = Convert.ToString(await ScalarAsync("PRAGMA cache_size;", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await ExecuteAsync("PRAGMA synchronous=OFF;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"PRAGMA cache_size=-{LoadCacheKib};", cancellationToken).ConfigureAwait(false);
        transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAllAsync(EntityTableMap table, CancellationToken cancellationToken) =>
        ExecuteAsync(table.DeleteAllSql, cancellationToken);

    public async Task<long> InsertAsync<T>(EntityTableMap table, IEnumerable<T> rows, BulkProgress progress, CancellationToken cancellationToken)
        where T : class
    {
        var indexes = await IndexesAsync(table.Name, cancellationToken).ConfigureAwait(false);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", cancellationToken).ConfigureAwait(false);
        }

        Insert(table, rows, progress, cancellationToken);
        foreach (var (_, sql) in indexes)
        {
            await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false);
        }

        return progress.Rows;
    }

    private void Insert<T>(EntityTableMap table, IEnumerable<T> rows, BulkProgress progress, CancellationToken cancellationToken)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = table.Columns;
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = columns[i].Mapping.CreateParameter(command, $"@p{i}", null, columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        command.CommandText = $"INSERT INTO {table.DelimitedName} ({table.ColumnList}) VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))});";
        command.Prepare();

        // SQLite work is synchronous anyway: a plain loop avoids an await per row.
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            progress.Row();
            if (progress.Rows % 4_096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    public async Task ExecuteAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var sql in statements)
        {
            await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await DisposeTransactionAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeTransactionAsync().ConfigureAwait(false);
        if (synchronous is not null)
        {
            await ExecuteAsync($"PRAGMA synchronous={synchronous}; PRAGMA cache_size={cacheSize};", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task DisposeTransactionAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            transaction = null;
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table's indexes that were created by SQL (not those behind PRIMARY KEY or UNIQUE constraints).</summary>
    private async Task<List<(string Name, string Sql)>> IndexesAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = $table ORDER BY name;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
