using GraphQL.Types;
using DateGraphType = ProcurementGraph.Toolkit.Querying.Metadata.DateGraphType;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary><c>LinkSupplierToCategoryInput</c>: a supplier to approve in a category.</summary>
public sealed class LinkSupplierToCategoryInputGraphType : InputObjectGraphType
{
    public LinkSupplierToCategoryInputGraphType()
    {
        Name = "LinkSupplierToCategoryInput";
        Description = "A supplier to approve in a category; a supplier is approved at most once per category.";
        Field<NonNullGraphType<IdGraphType>>("supplierId").Description("The supplier.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("The category.");
        Field<BooleanGraphType>("isPreferred").Description("Whether the supplier is preferred in the category; default false.");
        Field<DateGraphType>("since").Description("The day of the approval; default today.");
    }
}
