namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>Page-size limits, HotChocolate's defaults with a larger maximum for root lists (BI tools).</summary>
public sealed class PagingOptions
{
    /// <summary>Items returned when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest page of a nested list.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Largest page of a root list field.</summary>
    public int MaxRootPageSize { get; set; } = 1000;
}
