using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Inserts many new rows of one entity type with multi-row <c>INSERT ... VALUES (...), (...) RETURNING key</c> statements,
/// for providers whose EF Core update pipeline sends one statement per row (SQLite). The generated keys are assigned
/// in VALUES order: a single-writer engine hands out increasing row ids in insertion order. Other providers batch
/// on their own (SQL Server) and keep EF Core's pipeline. The statements bypass SaveChanges, so the rows' application-managed
/// concurrency tokens are set here (<see cref="ConcurrencyTokens"/>); a column the database generates on every write
/// (a <c>rowversion</c>) is never inserted.
/// </summary>
internal static class BulkInserter
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Parameters per statement. SQLite allows 32,766, but Microsoft.Data.Sqlite binds each parameter by name and SQLite
    /// finds a name by a linear scan, so binding costs grow with the square of the count (16,000 took 5 s; 1,000 take ~20 ms).
    /// </summary>
    private const int MaxParameters = 1000;

    /// <summary>True when the tracked changes are only new rows of one type with a generated single-column key, and the provider needs this.</summary>
    public static bool Applies(DbContext db, out List<EntityEntry> rows)
    {
        var changed = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged && e.State != EntityState.Detached).ToList();
        rows = changed;
        return db.Database.ProviderName == SqliteProvider
            && changed.Count > 1
            && changed.All(e => e.State == EntityState.Added && e.Metadata == changed[0].Metadata)
            && changed[0].Metadata.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] }
            && (key.ClrType == typeof(int) || key.ClrType == typeof(long));
    }

    public static async Task InsertAsync(DbContext db, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var entityType = rows[0].Metadata;
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)!.Value;
        var key = entityType.FindPrimaryKey()!.Properties[0];
        var columns = entityType.GetProperties()
            .Where(p => p != key && p.GetColumnName(table) is not null && p.GetComputedColumnSql(table) is null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate)
            .ToList();
        ConcurrencyTokens.Renew(rows);
        var sql = db.GetService<ISqlGenerationHelper>();
        var commands = db.GetService<IRelationalCommandBuilderFactory>();
        var connection = db.GetService<IRelationalConnection>();
        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        var perStatement = Math.Max(1, MaxParameters / Math.Max(1, columns.Count));
        var keyColumn = sql.DelimitIdentifier(key.GetColumnName(table)!);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        foreach (var chunk in rows.Chunk(perStatement))
        {
            // EF Core's own command pipeline (its interceptors and logging see the statement), with type-mapped parameters
            // named as the SQL writes them (`@p0`): Microsoft.Data.Sqlite binds a bare name only after trying each prefix,
            // and a raw DbParameter list (SqlQueryRaw) is searched by name for each parameter added. Both are scans of the
            // statement's parameters, per parameter.
            var command = commands.Create().Append(head);
            var values = new Dictionary<string, object?>(chunk.Length * columns.Count, StringComparer.Ordinal);
            for (var r = 0; r < chunk.Length; r++)
            {
                command.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "p" + values.Count.ToString(CultureInfo.InvariantCulture);
                    command.AddParameter(name, sql.GenerateParameterName(name), (RelationalTypeMapping)columns[c].GetRelationalTypeMapping(), columns[c].IsNullable);
                    values[name] = chunk[r].Property(columns[c].Name).CurrentValue;
                    command.Append(c == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                command.Append(")");
            }

            command.Append(" RETURNING ").Append(keyColumn);
            var keys = new List<long>(chunk.Length);
            var reader = await command.Build().ExecuteReaderAsync(
                new RelationalCommandParameterObject(connection, values, null, db, logger, CommandSource.SaveChanges), cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(reader.DbDataReader.GetInt64(0));
                }
            }

            keys.Sort();
            for (var r = 0; r < chunk.Length; r++)
            {
                var entry = chunk[r];
                entry.Property(key.Name).CurrentValue = Convert.ChangeType(keys[r], key.ClrType, CultureInfo.InvariantCulture);
                entry.State = EntityState.Unchanged;
            }
        }
    }
}
