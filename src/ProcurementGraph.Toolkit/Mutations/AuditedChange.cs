namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>One changed row as the audit trail records it: the GraphQL type, the key, and each changed field before and after.</summary>
/// <param name="EntityType">The GraphQL type name of the row's entity graph type (else its CLR name).</param>
/// <param name="Key">The primary key as text, its parts comma-separated.</param>
/// <param name="Kind">Created, updated or deleted.</param>
/// <param name="Fields">The changed fields by camelCased property name.</param>
public sealed record AuditedChange(string EntityType, string Key, ChangeKind Kind, IReadOnlyDictionary<string, FieldChange> Fields)
{
    /// <summary>The primary key's values, in key order (one for a single-column key).</summary>
    public IReadOnlyList<object?> KeyValues { get; init; } = [];
}

/// <summary>A field's value before and after a write (null before a create, null after a delete).</summary>
public sealed record FieldChange(object? Before, object? After);
