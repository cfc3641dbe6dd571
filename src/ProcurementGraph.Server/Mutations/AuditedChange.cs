namespace ProcurementGraph.Server.Mutations;

/// <summary>One changed row as the audit trail records it: the GraphQL type, the key, and each changed field before and after.</summary>
public sealed record AuditedChange(string EntityType, string Key, ChangeKind Kind, IReadOnlyDictionary<string, FieldChange> Fields);

/// <summary>A field's value before and after a write (null before a create, null after a delete).</summary>
public sealed record FieldChange(object? Before, object? After);
