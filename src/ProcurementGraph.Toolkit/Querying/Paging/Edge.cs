using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>A node of a page with its keyset cursor.</summary>
public sealed class Edge(Row node)
{
    public Row Node { get; } = node;

    public string Cursor => CursorOf(Node.Shape, Node.Values);

    public static string CursorOf(RowShape shape, object?[] values) =>
        KeysetCursor.Encode(values.AsSpan(shape.CursorStart, shape.CursorLength));
}
