namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// The slice a connection asked for: <paramref name="Size"/> rows after the cursor (forward) or before it
/// (backward, read in reverse order); <paramref name="KeepLast"/> when both <c>first</c> and <c>last</c> are given.
/// </summary>
public sealed record PageWindow(int Size, bool Backward, bool HasAfter, bool HasBefore, int? KeepLast)
{
    /// <summary>
    /// The page out of the rows read for it (one more than <see cref="Size"/> tells whether more exist; a backward read is
    /// reversed into order), with whether rows follow and precede it.
    /// </summary>
    public (List<T> Rows, bool HasNextPage, bool HasPreviousPage) Slice<T>(List<T> loaded)
    {
        var hasMore = loaded.Count > Size;
        var rows = hasMore ? loaded.GetRange(0, Size) : loaded;
        if (Backward)
        {
            rows.Reverse();
        }

        var trimmed = false;
        if (KeepLast is { } last && rows.Count > last)
        {
            rows = rows.GetRange(rows.Count - last, last);
            trimmed = true;
        }

        return (rows, Backward ? HasBefore : hasMore, Backward ? hasMore : HasAfter || trimmed);
    }
}
