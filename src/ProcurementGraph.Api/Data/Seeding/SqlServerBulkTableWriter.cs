using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// SQL Server: <see cref="SqlBulkCopy"/> in batches inside one transaction, keeping the generated
/// identity values and checking constraints (so they stay trusted by the optimiser).
/// </summary>
internal sealed class SqlServerBulkTableWriter(DbContext db) : IBulkTableWriter
{
    private const int BatchRows = 50_000;
    private const SqlBulkCopyOptions Options = SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.KeepNulls | SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.FireTriggers;

    private readonly SqlConnection connection = (SqlConnection)db.Database.GetDbConnection();
    private SqlTransaction? transaction;

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    public async Task DeleteAllAsync(EntityTableMap table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = table.DeleteAllSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> InsertAsync<T>(EntityTableMap table, IEnumerable<T> rows, BulkProgress progress, CancellationToken cancellationToken)
        where T : class
    {
        using var bulk = new SqlBulkCopy(connection, Options, transaction) { DestinationTableName = table.DelimitedName, BulkCopyTimeout = 0 };
        using var batch = new DataTable(table.Name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in table.Columns)
        {
            // SqlBulkCopy is fed DateTime for DateOnly columns (date), which every client version accepts.
            batch.Columns.Add(column.Name, column.ProviderClrType == typeof(DateOnly) ? typeof(DateTime) : column.ProviderClrType);
            bulk.ColumnMappings.Add(column.Name, column.Name);
        }

        var values = new object[table.Columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = table.Columns[i].ProviderValue(row);
                values[i] = value is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : value ?? DBNull.Value;
            }

            batch.Rows.Add(values);
            progress.Row();
            if (batch.Rows.Count == BatchRows)
            {
                await bulk.WriteToServerAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Rows.Count > 0)
        {
            await bulk.WriteToServerAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        await AlignIdentityAsync(table, cancellationToken).ConfigureAwait(false);
        return progress.Rows;
    }

    /// <summary>
    /// After explicit ids were loaded, makes sure the table's identity continues above them
    /// (only touches the identity when it lags behind, so no extra permission is normally needed).
    /// </summary>
    private async Task AlignIdentityAsync(EntityTableMap table, CancellationToken cancellationToken)
    {
        var name = table.DelimitedName.Replace("'", "''", StringComparison.Ordinal);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"IF OBJECTPROPERTY(OBJECT_ID(N'{name}'), 'TableHasIdentity') = 1 " +
            $"AND IDENT_CURRENT(N'{name}') < (SELECT MAX($IDENTITY) FROM {table.DelimitedName}) " +
            $"DBCC CHECKIDENT (N'{name}') WITH NO_INFOMSGS;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ExecuteAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            transaction = null;
        }
    }
}
