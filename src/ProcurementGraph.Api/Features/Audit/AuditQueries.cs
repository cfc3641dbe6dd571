using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Features.Audit;

/// <summary>The audit trail's root field (Admin only).</summary>
public sealed class AuditQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("auditEntries", "AuditEntry",
            "The audit trail: every change made through the graph, filtered, sorted and paged (Admin only). Filter on `entityType` and `entityKey` for one object's history."));
    }
}
