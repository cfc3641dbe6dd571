namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// The contracts of one (leaf) category starting in one quarter, all statuses: their count and summed annual value and savings
/// in cents, kept by database triggers in the transaction of every contract write (see <see cref="Rollups.AnalyticsRollupSql"/>);
/// never written by the application. It answers <c>contractsAggregate</c> grouped by category and/or start quarter without a
/// <c>where</c>; a missing row means no such contract.
/// </summary>
public class ContractQuarterTotal
{
    public int CategoryId { get; set; }

    /// <summary>As <see cref="Contract.StartQuarter"/>: year × 10 + quarter.</summary>
    public int StartQuarter { get; set; }

    public int ContractCount { get; set; }

    /// <summary>Σ <see cref="Contract.AnnualValueCents"/> (exact).</summary>
    public long AnnualValueCents { get; set; }

    /// <summary>Σ <see cref="Contract.AnnualSavingsCents"/> (exact).</summary>
    public long AnnualSavingsCents { get; set; }

    public Category Category { get; set; } = null!;
}
