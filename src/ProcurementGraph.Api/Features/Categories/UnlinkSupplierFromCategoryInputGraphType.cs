using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary><c>UnlinkSupplierFromCategoryInput</c>: a supplier's approval in a category to withdraw.</summary>
public sealed class UnlinkSupplierFromCategoryInputGraphType : InputObjectGraphType
{
    public UnlinkSupplierFromCategoryInputGraphType()
    {
        Name = "UnlinkSupplierFromCategoryInput";
        Description = "A supplier's approval in a category to withdraw.";
        Field<NonNullGraphType<IdGraphType>>("supplierId").Description("The supplier.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("The category.");
    }
}
