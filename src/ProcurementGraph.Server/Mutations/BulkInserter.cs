using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProcurementGraph.Server.Mutations;

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
        var connection = db.Database.GetDbConnection();
        var perStatement = Math.Max(1, MaxParameters / Math.Max(1, columns.Count));
        var keyColumn = sql.DelimitIdentifier(key.GetColumnName(table)!);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var text = new StringBuilder(head);
            var parameters = new List<object>(chunk.Length * columns.Count);
            using var factory = connection.CreateCommand();
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                    var mapping = (RelationalTypeMapping)columns[c].GetRelationalTypeMapping();
                    parameters.Add(mapping.CreateParameter(factory, name, chunk[r].Property(columns[c].Name).CurrentValue, columns[c].IsNullable));
                    text.Append(c == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            text.Append(" RETURNING ").Append(keyColumn).Append(" AS \"Value\"");
            var keys = await db.Database.SqlQueryRaw<long>(text.ToString(), [.. parameters.Cast<DbParameter>()])
                .ToListAsync(cancellationToken).ConfigureAwait(false);
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
