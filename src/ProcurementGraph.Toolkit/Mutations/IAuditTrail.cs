using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Where the changes of a mutation are recorded: <see cref="Add"/> adds the audit rows to the data context, and the
/// mutation saves them in the same transaction as the write. Register one implementation (scoped) to audit every write.
/// </summary>
public interface IAuditTrail
{
    /// <summary>True for entity types whose changes are recorded (the audit rows themselves are not).</summary>
    bool Audits(Type entityType);

    void Add(DbContext db, MutationContext mutation, IReadOnlyList<AuditedChange> changes);
}
