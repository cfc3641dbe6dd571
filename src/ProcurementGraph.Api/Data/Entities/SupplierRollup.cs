namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// The stored figure behind a supplier's <c>activeContractValue</c>, kept by database triggers in the transaction of every
/// contract write (see <see cref="Rollups.RollupSql"/>); never written by the application. A missing row means zero.
/// </summary>
public class SupplierRollup
{
    public int SupplierId { get; set; }

    /// <summary>The summed annual value of the supplier's ACTIVE contracts, in cents (exact).</summary>
    public long ActiveContractValueCents { get; set; }

    public Supplier Supplier { get; set; } = null!;
}
