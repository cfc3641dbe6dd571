namespace ProcurementGraph.Api.Data.Entities;

/// <summary>One audited change of one row: who changed it, when, through which mutation, and the fields before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the change was committed (UTC).</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The caller's subject: the token's object id (<c>oid</c>), else <c>sub</c>, else the client application id.</summary>
    public required string Subject { get; set; }

    /// <summary>The caller's display name, when the token carries one.</summary>
    public string? SubjectName { get; set; }

    /// <summary>The caller's roles, comma-separated.</summary>
    public required string Roles { get; set; }

    /// <summary>The mutation field that made the change, e.g. <c>updateSupplier</c>.</summary>
    public required string Operation { get; set; }

    /// <summary>The GraphQL type of the changed row, e.g. <c>Supplier</c>.</summary>
    public required string EntityType { get; set; }

    /// <summary>The changed row's key (as text).</summary>
    public required string EntityKey { get; set; }

    /// <summary>
    /// The changed row's key as a number when it is one whole number (every type with a global ID); null for composite keys.
    /// The column <c>history</c> joins an object's entries on (<c>EntityType</c>, <c>EntityKeyNumber</c>).
    /// </summary>
    public int? EntityKeyNumber { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The changed fields as JSON: <c>{"city":{"before":"Oslo","after":"Bergen"}}</c>.</summary>
    public required string Changes { get; set; }
}
