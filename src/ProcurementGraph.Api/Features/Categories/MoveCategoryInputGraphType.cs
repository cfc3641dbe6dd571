using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary><c>MoveCategoryInput</c>: a category to re-parent, with its subtree.</summary>
public sealed class MoveCategoryInputGraphType : InputObjectGraphType
{
    public MoveCategoryInputGraphType()
    {
        Name = "MoveCategoryInput";
        Description = "A category to move below another parent (or to the top of the tree) with its subcategories; their codes and levels follow.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category to move.");
        Field<IdGraphType>("newParentId").Description(
            "The new parent category, of a level that leaves room for the moved subtree (the tree has at most 3 levels); give `null` to make the category a root. Required: leaving it out is a REQUIRED ValidationError.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the category as you read it.");
    }
}
