namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// Writes many rows without EF change tracking, all inside one transaction that
/// <see cref="CommitAsync"/> commits; disposing without committing rolls everything back.
/// </summary>
internal interface IBulkTableWriter : IAsyncDisposable
{
    /// <summary>Prepares the connection (provider tuning) and starts the transaction.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every row of the table.</summary>
    Task DeleteAllAsync(EntityTableMap table, CancellationToken cancellationToken);

    /// <summary>Inserts the rows, explicit keys included; returns how many were written.</summary>
    Task<long> InsertAsync<T>(EntityTableMap table, IEnumerable<T> rows, BulkProgress progress, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Runs SQL statements, in order, inside the transaction.</summary>
    Task ExecuteAsync(IEnumerable<string> statements, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
