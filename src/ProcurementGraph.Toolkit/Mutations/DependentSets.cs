using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Replaces the dependent rows of one principal (a collection navigation: an order's lines, a unit's weights) as a whole,
/// guarded by the principal's version, in ONE command whatever the number of rows: <c>DELETE</c> of the old rows, one
/// multi-row <c>INSERT</c> of the new ones, and last the principal's <c>UPDATE</c> with its concurrency token in the
/// <c>WHERE</c>, which renews the version (a <c>rowversion</c> by the server, an application-managed token with new bytes) and
/// returns it (<c>OUTPUT</c> on SQL Server, <c>RETURNING</c> elsewhere). No row back means the principal changed since it was read:
/// the caller must roll the transaction back. EF Core's SaveChanges would send a statement per row on SQLite and reorder
/// deletes and position swaps against unique indexes; replacing the set avoids both.
/// </summary>
public static class DependentSets
{
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>
    /// Replaces the rows of <paramref name="navigation"/> of the tracked <paramref name="principal"/> with <paramref name="rows"/>
    /// (new, untracked instances; their foreign key is set here). Returns the principal's new version, or null when its
    /// stored version is no longer the one it was read with. Afterwards the change tracker is cleared (the tracked old rows are gone).
    /// </summary>
    public static async Task<byte[]?> ReplaceAsync(DbContext db, object principal, string navigation, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var command = Build(db, principal, navigation, rows);
        var returned = await db.Database.SqlQueryRaw<byte[]>(command.Text, [.. command.Parameters]).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (returned.Count != 1)
        {
            return null;
        }

        db.ChangeTracker.Clear();
        return returned[0];
    }

    private sealed record Command(string Text, IReadOnlyList<DbParameter> Parameters);

    private static Command Build(DbContext db, object principal, string navigationName, IReadOnlyList<object> rows)
    {
        var entry = db.Entry(principal);
        var principalType = entry.Metadata;
        var navigation = principalType.FindNavigation(navigationName) is { IsCollection: true } found
            ? found
            : throw new InvalidOperationException($"{principalType.DisplayName()}.{navigationName} is not a collection navigation.");
        var foreignKey = navigation.ForeignKey;
        var dependentType = navigation.TargetEntityType;
        var token = principalType.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken && p.ClrType == typeof(byte[]))
            ?? throw new InvalidOperationException($"{principalType.DisplayName()} has no byte[] concurrency token.");
        var principalTable = StoreObjectIdentifier.Create(principalType, StoreObjectType.Table)!.Value;
        var dependentTable = StoreObjectIdentifier.Create(dependentType, StoreObjectType.Table)!.Value;
        var sql = db.GetService<ISqlGenerationHelper>();
        var sqlServer = db.Database.ProviderName == SqlServerProvider;
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();

        string Parameter(IProperty property, object? value)
        {
            var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(((RelationalTypeMapping)property.GetRelationalTypeMapping()).CreateParameter(factory, name, value, property.IsNullable));
            return sql.GenerateParameterNamePlaceholder(name);
        }

        string Column(IProperty property, StoreObjectIdentifier table) => sql.DelimitIdentifier(property.GetColumnName(table)!);

        var keyValues = foreignKey.PrincipalKey.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
        var text = new StringBuilder();

        // 1. the old rows
        text.Append("DELETE FROM ").Append(sql.DelimitIdentifier(dependentTable.Name, dependentTable.Schema)).Append(" WHERE ")
            .AppendJoin(" AND ", foreignKey.Properties.Select((p, i) => $"{Column(p, dependentTable)} = {Parameter(p, keyValues[i])}"))
            .Append(sql.StatementTerminator).Append('\n');

        // 2. the new rows, in one multi-row INSERT (columns the database generates are left to it)
        var columns = dependentType.GetProperties()
            .Where(p => p.GetColumnName(dependentTable) is not null && p.GetComputedColumnSql(dependentTable) is null && p.ValueGenerated == ValueGenerated.Never)
            .ToList();
        var dependentToken = ConcurrencyTokens.ApplicationManaged(dependentType);
        if (rows.Count > 0)
        {
            text.Append("INSERT INTO ").Append(sql.DelimitIdentifier(dependentTable.Name, dependentTable.Schema))
                .Append(" (").AppendJoin(", ", columns.Select(c => Column(c, dependentTable))).Append(") VALUES ");
            for (var r = 0; r < rows.Count; r++)
            {
                for (var i = 0; i < foreignKey.Properties.Count; i++)
                {
                    Set(foreignKey.Properties[i], rows[r], keyValues[i]);
                }

                if (dependentToken is not null)
                {
                    Set(dependentToken, rows[r], ConcurrencyTokens.New());
                }

                text.Append(r == 0 ? "(" : ", (")
                    .AppendJoin(", ", columns.Select(c => Parameter(c, c.GetGetter().GetClrValueUsingContainingEntity(rows[r]))))
                    .Append(')');
            }

            text.Append(sql.StatementTerminator).Append('\n');
        }

        // 3. the principal, at the version it was read with: renews the version and returns it
        var set = ConcurrencyTokens.ApplicationManaged(principalType) is { } managed
            ? $"{Column(managed, principalTable)} = {Parameter(managed, ConcurrencyTokens.New())}"
            : Touch(principalType, principalTable, Column);
        var conditions = principalType.FindPrimaryKey()!.Properties
            .Select(p => $"{Column(p, principalTable)} = {Parameter(p, entry.Property(p.Name).CurrentValue)}")
            .ToList();
        conditions.Add($"{Column(token, principalTable)} = {Parameter(token, entry.Property(token.Name).OriginalValue)}");
        var where = string.Join(" AND ", conditions);
        var value = sql.DelimitIdentifier("Value");
        text.Append("UPDATE ").Append(sql.DelimitIdentifier(principalTable.Name, principalTable.Schema)).Append(" SET ").Append(set);
        text.Append(sqlServer
            ? $" OUTPUT INSERTED.{Column(token, principalTable)} AS {value} WHERE {where}"
            : $" WHERE {where} RETURNING {Column(token, principalTable)} AS {value}");
        text.Append(sql.StatementTerminator);
        return new Command(text.ToString(), parameters);
    }

    private static void Set(IProperty property, object row, object? value)
    {
        if (property.PropertyInfo is { CanWrite: true } settable)
        {
            settable.SetValue(row, value);
        }
        else if (property.FieldInfo is { } field)
        {
            field.SetValue(row, value);
        }
        else
        {
            throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} cannot be set.");
        }
    }

    /// <summary>A database-generated version (<c>rowversion</c>) is renewed by any UPDATE: one column set to itself.</summary>
    private static string Touch(IEntityType type, StoreObjectIdentifier table, Func<IProperty, StoreObjectIdentifier, string> column)
    {
        var any = type.GetProperties().First(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && p.ValueGenerated == ValueGenerated.Never
            && p.GetColumnName(table) is not null && p.GetComputedColumnSql(table) is null);
        return $"{column(any, table)} = {column(any, table)}";
    }
}
