using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Features.Audit;

/// <summary>One audited change of one row (Admin only).</summary>
public sealed class AuditEntryGraphType : EntityGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One change of one object, recorded in the same transaction as the change: who, when, through which mutation, and the changed fields before and after (Admin only).";
        HasKey(a => a.Id);
        Value("changedAt", a => a.ChangedAt, "When the change was committed (UTC).");
        Value("subject", a => a.Subject, "The caller: the token's object id (`oid`), else its subject (`sub`) or client application.");
        Value("subjectName", a => a.SubjectName, "The caller's display name, when the token carries one.");
        Value("roles", a => a.Roles, "The caller's roles when it made the change, comma-separated.");
        Value("operation", a => a.Operation, "The mutation that made the change, e.g. `updateSupplier`.");
        Value("entityType", a => a.EntityType, "The type of the changed object, e.g. `Supplier`.");
        Value("entityKey", a => a.EntityKey, "The key of the changed object inside its global ID (`12` for `Supplier:12`).");
        Computed("entityId", a => a.EntityType + ":" + a.EntityKey, (text, _) => GlobalId.Encode(text[..text.IndexOf(':', StringComparison.Ordinal)], text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]),
            "The global ID of the changed object (it may no longer exist).").Type(new GraphQL.Types.NonNullGraphType(new GraphQL.Types.IdGraphType()));
        Value("action", a => a.Action, "What the change did: CREATED, UPDATED or DELETED.");
        Value("changes", a => a.Changes, "The changed fields as a JSON object: `{\"city\":{\"before\":\"Oslo\",\"after\":\"Bergen\"}}` (before is null on create, after on delete).", sortable: false, filterable: false);
    }
}
