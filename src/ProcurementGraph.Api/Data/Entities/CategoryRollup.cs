namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// The stored figures behind a category's derived fields, kept by database triggers in the transaction of every write to
/// the base rows (see <see cref="Rollups.RollupSql"/>); never written by the application. A row appears with the first
/// contract or supplier approval that concerns the category; a missing row means zero.
/// </summary>
public class CategoryRollup
{
    public int CategoryId { get; set; }

    /// <summary>The summed annual value of the ACTIVE contracts filed directly in the category, in cents (exact).</summary>
    public long ActiveContractValueCents { get; set; }

    /// <summary>The number of distinct suppliers approved in the category or its subcategories.</summary>
    public int SupplierCount { get; set; }

    public Category Category { get; set; } = null!;
}
