namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// The paging arguments of a connection (<c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>), checked against the limits:
/// read with <see cref="PageSize.Read"/> of the field's rule in <see cref="PageSizeRules"/>.
/// </summary>
public sealed record PagingArguments(PageWindow Window, string? After, string? Before);
