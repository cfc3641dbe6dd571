namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// Satisfaction next to savings for one category in one quarter (a row of the <c>CategoryPerformance</c> view over the
/// rating and savings rollups; read-only). A row exists for every category and quarter with at least one rating given in
/// the context of that category.
/// </summary>
public class CategoryPerformance : PerformanceFigures
{
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
}
