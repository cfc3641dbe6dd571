using ProcurementGraph.Server.Querying.Projection;

namespace ProcurementGraph.Server.Querying.Paging;

/// <summary>A page's <c>pageInfo</c>: the cursors are encoded only when selected (a nested page exists once per parent row).</summary>
public sealed class PageCursors(RowShape shape, List<object?[]> rows, bool hasNextPage, bool hasPreviousPage)
{
    private string? _start;
    private string? _end;

    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => rows.Count > 0 ? _start ??= Edge.CursorOf(shape, rows[0]) : null;

    public string? EndCursor => rows.Count > 0 ? _end ??= Edge.CursorOf(shape, rows[^1]) : null;
}
