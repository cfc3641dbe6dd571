using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary><c>UpdateCategoryInput</c>: the fields of a category to change; its code and parent follow the tree and stay.</summary>
public sealed class UpdateCategoryInputGraphType : InputObjectGraphType
{
    public UpdateCategoryInputGraphType()
    {
        Name = "UpdateCategoryInput";
        Description = "The category and only the fields to change; a field left out keeps its value. Its code, parent and level are the tree's and are not changed here.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The category.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the category as you read it.");
        this.AddCategoryFields(create: false);
    }
}
