using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>A supplier approved in a category, seen from the category.</summary>
public sealed class CategorySupplierLinkGraphType : EntityGraphType<CategorySupplier>
{
    public CategorySupplierLinkGraphType()
    {
        Name = "CategorySupplierLink";
        Description = "A supplier approved in a category, with whether it is preferred there and since when.";
        HasKey(l => (long)l.CategoryId * 2147483648L + l.SupplierId);
        Reference("supplier", l => l.Supplier, "Supplier", "The approved supplier.", nullable: false);
        Value("isPreferred", l => l.IsPreferred, "Whether the supplier is a preferred supplier in the category.");
        Value("since", l => l.Since, "The day the supplier was approved in the category.");
    }
}
