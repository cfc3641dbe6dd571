using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// What an object in a compiled result is written from: a projected row, an edge over one, a page or a page's info; or a part
/// of a loaded page of groups (<see cref="Aggregate"/>: the page, a group, or one function's values of a group).
/// </summary>
internal readonly record struct ResultSource(
    ResultSourceKind Kind, RowShape? Shape = null, object?[]? Values = null, Page? Page = null, PageCursors? Cursors = null, object? Aggregate = null)
{
    public static ResultSource Row(RowShape shape, object?[] values) => new(ResultSourceKind.Row, shape, values);

    public static ResultSource Edge(RowShape shape, object?[] values) => new(ResultSourceKind.Edge, shape, values);

    public static ResultSource Of(Page page) => new(ResultSourceKind.Page, Page: page);

    public static ResultSource Of(PageCursors cursors) => new(ResultSourceKind.PageInfo, Cursors: cursors);

    public static ResultSource Of(AggregatePage page) => new(ResultSourceKind.GroupPage, Aggregate: page);

    public static ResultSource Edge(AggregateGroup group) => new(ResultSourceKind.GroupEdge, Aggregate: group);

    public static ResultSource Of(AggregateGroup group) => new(ResultSourceKind.Group, Aggregate: group);

    public static ResultSource Key(AggregateGroup group) => new(ResultSourceKind.GroupKey, Aggregate: group);

    public static ResultSource Of(AggregateValues values) => new(ResultSourceKind.GroupValues, Aggregate: values);
}

internal enum ResultSourceKind
{
    Row,
    Edge,
    Page,
    PageInfo,
    GroupPage,
    GroupEdge,
    Group,
    GroupKey,
    GroupValues,
}
