namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// A supplier approved in a category or one of its subcategories, with the number of approvals in that subtree: the
/// trigger-kept set behind <see cref="CategoryRollup.SupplierCount"/> (a distinct count is not additive, so the pairs are kept).
/// Never written by the application.
/// </summary>
public class CategorySupplierReach
{
    /// <summary>The category (the approval's own category or one of its ancestors).</summary>
    public int CategoryId { get; set; }
    public int SupplierId { get; set; }

    /// <summary>How many approvals of the supplier lie in the category's subtree (always ≥ 1; the row goes at 0).</summary>
    public int Links { get; set; }
}
