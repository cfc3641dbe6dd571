namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// Satisfaction next to savings for one business unit (the internal customer) in one quarter (a row of the
/// <c>BusinessUnitPerformance</c> view over the rating and savings rollups; read-only). A row exists for every business unit and
/// quarter with at least one rating the unit gave (with or without a category).
/// </summary>
public class BusinessUnitPerformance : PerformanceFigures
{
    public int BusinessUnitId { get; set; }
    public BusinessUnit BusinessUnit { get; set; } = null!;
}
