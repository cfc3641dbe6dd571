namespace ProcurementGraph.Api.Data.Entities;

/// <summary>A supplier approved in a category.</summary>
public class CategorySupplier
{
    public int CategoryId { get; set; }
    public int SupplierId { get; set; }
    public bool IsPreferred { get; set; }
    public DateOnly Since { get; set; }

    public Category Category { get; set; } = null!;
    public Supplier Supplier { get; set; } = null!;
}
