using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>What an object in a compiled result is written from: a projected row, an edge over one, a page or a page's info.</summary>
internal readonly record struct ResultSource(ResultSourceKind Kind, RowShape? Shape = null, object?[]? Values = null, Page? Page = null, PageCursors? Cursors = null)
{
    public static ResultSource Row(RowShape shape, object?[] values) => new(ResultSourceKind.Row, shape, values);

    public static ResultSource Edge(RowShape shape, object?[] values) => new(ResultSourceKind.Edge, shape, values);

    public static ResultSource Of(Page page) => new(ResultSourceKind.Page, Page: page);

    public static ResultSource Of(PageCursors cursors) => new(ResultSourceKind.PageInfo, Cursors: cursors);
}

internal enum ResultSourceKind
{
    Row,
    Edge,
    Page,
    PageInfo,
}
