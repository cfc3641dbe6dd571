namespace ProcurementGraph.Server.Querying.Paging;

/// <summary>
/// The slice a connection asked for: <paramref name="Size"/> rows after the cursor (forward) or before it
/// (backward, read in reverse order); <paramref name="KeepLast"/> when both <c>first</c> and <c>last</c> are given.
/// </summary>
public sealed record PageWindow(int Size, bool Backward, bool HasAfter, bool HasBefore, int? KeepLast);
