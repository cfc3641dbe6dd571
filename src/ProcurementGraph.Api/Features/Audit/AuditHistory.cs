using System.Linq.Expressions;
using GraphQL.Builders;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Audit;

/// <summary>
/// <c>history</c> on an audited type: the object's audit entries (entity type = the type's name, key number = its key),
/// newest first, as a connection like <c>auditEntries</c>, projected into the statement of the root field that reaches the
/// object. Admin only, by the access table.
/// </summary>
public static class AuditHistory
{
    public const string FieldName = "history";

    /// <summary>Adds <c>history</c> to <paramref name="type"/>; call it after the type's name and key are set.</summary>
    public static FieldBuilder<object, object> AddTo<TEntity>(EntityGraphType<TEntity> type)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(type);
        var entityType = type.Name;
        var owner = Expression.Parameter(typeof(TEntity), "o");
        var key = ParameterReplacer.Apply(type.Key, owner);
        if (key.Type != typeof(int))
        {
            throw new InvalidOperationException($"{entityType}: history joins audit entries on a whole-number key (AuditEntry.EntityKeyNumber); the key is {key.Type.Name}.");
        }

        // Column to column (no CAST of the owner's key to the text EntityKey): SQLite has no APPLY, and EF Core turns a nested
        // page into a window joined on the correlation only when both sides of it are columns.
        var ownerKey = Expression.Lambda<Func<TEntity, int?>>(Expression.Convert(key, typeof(int?)), owner);
        return type.KeyedConnection(FieldName, (AuditEntry a) => a.EntityType == entityType, a => a.EntityKeyNumber, ownerKey, "AuditEntry",
            "The changes of this object, newest first unless `order` says otherwise: who changed what and when, through which mutation, with the changed fields before and after (Admin only).",
            keyDescending: true);
    }
}
