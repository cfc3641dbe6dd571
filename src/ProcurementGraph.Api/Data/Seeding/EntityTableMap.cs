using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// The table an entity type is stored in, read from the EF model of the live context (so bulk
/// writes never drift from the migrations): delimited name and the writable columns.
/// </summary>
internal sealed class EntityTableMap
{
    private EntityTableMap(string name, string? schema, string delimitedName, IReadOnlyList<EntityColumn> columns, IReadOnlyList<string> selfReferences, ISqlGenerationHelper sql)
    {
        Name = name;
        Schema = schema;
        DelimitedName = delimitedName;
        Columns = columns;
        ColumnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));

        // A RESTRICT self-reference (Category.ParentId) is checked row by row on SQLite, so a
        // plain DELETE of the whole tree can fail; cutting the links first works everywhere.
        DeleteAllSql = selfReferences.Count == 0
            ? $"DELETE FROM {delimitedName};"
            : $"UPDATE {delimitedName} SET {string.Join(", ", selfReferences.Select(c => $"{sql.DelimitIdentifier(c)} = NULL"))}; DELETE FROM {delimitedName};";
    }

    public string Name { get; }

    public string? Schema { get; }

    /// <summary>Schema-qualified, quoted table name for SQL text.</summary>
    public string DelimitedName { get; }

    public IReadOnlyList<EntityColumn> Columns { get; }

    /// <summary>The quoted column names, comma-separated, in <see cref="Columns"/> order.</summary>
    public string ColumnList { get; }

    /// <summary>SQL that deletes every row of the table, self-referencing rows included.</summary>
    public string DeleteAllSql { get; }

    public static EntityTableMap For(DbContext db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && p.GetComputedColumnSql(table) is null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate)
            .Select(p => new EntityColumn(p, table))
            .ToList();
        var selfReferences = entityType.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType == entityType)
            .SelectMany(fk => fk.Properties)
            .Select(p => p.GetColumnName(table)!)
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        return new EntityTableMap(table.Name, table.Schema, sql.DelimitIdentifier(table.Name, table.Schema), columns, selfReferences, sql);
    }

    public static EntityTableMap For<T>(DbContext db)
        where T : class => For(db, typeof(T));
}
