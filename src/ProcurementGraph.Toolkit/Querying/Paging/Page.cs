using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>A loaded connection page. Edges and cursors are built only when asked for.</summary>
public sealed class Page
{
    private readonly List<object?[]> _rows;
    private readonly RowShape _shape;
    private List<Row>? _nodes;

    private Page(List<object?[]> rows, RowShape shape, PageCursors pageInfo, int? totalCount)
    {
        _rows = rows;
        _shape = shape;
        PageInfo = pageInfo;
        TotalCount = totalCount;
    }

    public PageCursors PageInfo { get; }

    public int? TotalCount { get; }

    public IReadOnlyList<Row> Nodes => _nodes ??= _rows.ConvertAll(row => new Row(_shape, row));

    public IEnumerable<Edge> Edges => Nodes.Select(row => new Edge(row));

    /// <summary>The page's loaded rows, for writers that need no <see cref="Row"/> per row.</summary>
    internal List<object?[]> Rows => _rows;

    internal RowShape Shape => _shape;

    /// <summary>Builds the page from the loaded rows (one more than asked for tells whether more exist).</summary>
    public static Page From(List<object?[]> loaded, int? totalCount, RowShape shape, PageWindow window)
    {
        var (rows, hasNextPage, hasPreviousPage) = window.Slice(loaded);
        return new Page(rows, shape, new PageCursors(shape, rows, hasNextPage, hasPreviousPage), totalCount);
    }
}
