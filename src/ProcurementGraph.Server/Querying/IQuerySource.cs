namespace ProcurementGraph.Server.Querying;

/// <summary>Where queries start: the entity sets of the request's data context (read-only, untracked).</summary>
public interface IQuerySource
{
    IQueryable Query(Type entityType);
}
