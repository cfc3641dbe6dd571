namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// The ratings of one supplier (<see cref="SupplierId"/> set) or given in one category (<see cref="CategoryId"/> set) by one
/// business unit: their count, the sum of each score and the latest day rated, kept by database triggers in the transaction of
/// every rating write (see <see cref="Rollups.AnalyticsRollupSql"/>); never written by the application. <c>ratingSummary</c>
/// reads these rows (a category's subtree adds its categories' rows), weighing the score sums by the unit's current drivers.
/// </summary>
public class RatingTotal
{
    public int Id { get; set; }

    public int? SupplierId { get; set; }

    public int? CategoryId { get; set; }

    public int BusinessUnitId { get; set; }

    public int RatingCount { get; set; }

    public int QualitySum { get; set; }

    public int DeliverySum { get; set; }

    public int ResponsivenessSum { get; set; }

    public int InnovationSum { get; set; }

    public int CostValueSum { get; set; }

    public int OverallSum { get; set; }

    public DateOnly LastRatedOn { get; set; }

    public Supplier? Supplier { get; set; }

    public Category? Category { get; set; }

    public BusinessUnit BusinessUnit { get; set; } = null!;
}
