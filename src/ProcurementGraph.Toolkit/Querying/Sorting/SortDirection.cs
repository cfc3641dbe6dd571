namespace ProcurementGraph.Toolkit.Querying.Sorting;

/// <summary>The value of a <c>SortEnumType</c> field.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
