using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>A page's <c>pageInfo</c>: the cursors are encoded only when selected (a nested page exists once per parent row).</summary>
public sealed class PageCursors(Func<object?[], string> cursorOf, List<object?[]> rows, bool hasNextPage, bool hasPreviousPage)
{
    private string? _start;
    private string? _end;

    /// <summary>The page info of entity rows, whose cursors are the sort-key slots of <paramref name="shape"/>.</summary>
    public PageCursors(RowShape shape, List<object?[]> rows, bool hasNextPage, bool hasPreviousPage)
        : this(values => Edge.CursorOf(shape, values), rows, hasNextPage, hasPreviousPage)
    {
    }

    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => rows.Count > 0 ? _start ??= cursorOf(rows[0]) : null;

    public string? EndCursor => rows.Count > 0 ? _end ??= cursorOf(rows[^1]) : null;
}
