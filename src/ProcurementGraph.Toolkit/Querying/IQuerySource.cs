namespace ProcurementGraph.Toolkit.Querying;

/// <summary>Where queries start: the entity sets of the request's data context (read-only, untracked).</summary>
public interface IQuerySource
{
    IQueryable Query(Type entityType);

    /// <summary>The single-column join behind <paramref name="owner"/>'s navigation <paramref name="navigation"/>, or null when there is none.</summary>
    NavigationJoin? Join(Type owner, string navigation);
}
