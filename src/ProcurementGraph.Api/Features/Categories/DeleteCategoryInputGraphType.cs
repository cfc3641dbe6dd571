using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary><c>DeleteCategoryInput</c>: the category to delete.</summary>
public sealed class DeleteCategoryInputGraphType : InputObjectGraphType
{
    public DeleteCategoryInputGraphType()
    {
        Name = "DeleteCategoryInput";
        Description = "The category to delete; refused while subcategories, contracts, supplier approvals, goal links or ratings refer to it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the category as you read it.");
    }
}
