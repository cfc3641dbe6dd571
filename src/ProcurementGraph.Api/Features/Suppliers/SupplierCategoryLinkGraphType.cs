using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>A category a supplier is approved in, seen from the supplier.</summary>
public sealed class SupplierCategoryLinkGraphType : EntityGraphType<CategorySupplier>
{
    public SupplierCategoryLinkGraphType()
    {
        Name = "SupplierCategoryLink";
        Description = "A category a supplier is approved in, with whether it is preferred there and since when.";
        HasKey(l => (long)l.SupplierId * 2147483648L + l.CategoryId);
        Reference("category", l => l.Category, "Category", "The category the supplier is approved in.", nullable: false);
        Value("isPreferred", l => l.IsPreferred, "Whether the supplier is a preferred supplier in the category.");
        Value("since", l => l.Since, "The day the supplier was approved in the category.");
    }
}
