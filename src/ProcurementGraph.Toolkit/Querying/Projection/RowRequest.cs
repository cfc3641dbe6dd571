using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>
/// What <see cref="Projector.Row"/> projects: the selected <see cref="Fields"/> of <see cref="Entity"/> at <see cref="Element"/>,
/// and what the row holds beyond them.
/// </summary>
public sealed record RowRequest(IEntityGraphType Entity, Expression Element, List<FieldSelection> Fields)
{
    /// <summary>The row sits under a paged nested list: references are read by key and relations below wait for a batch statement.</summary>
    public bool Paged { get; init; }

    /// <summary>The sort keys a cursor is made of (connections): their values are loaded after the fields.</summary>
    public IReadOnlyList<SortKey>? CursorKeys { get; init; }

    /// <summary>Load the primary key even when no relation waits for it (rows matched by key).</summary>
    public bool IncludeKey { get; init; }

    /// <summary>A query of (a superset of) the rows being projected, when known: relations below read only their rows.</summary>
    public Expression? Owners { get; init; }
}
