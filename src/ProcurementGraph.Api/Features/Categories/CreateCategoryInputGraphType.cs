using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary><c>CreateCategoryInput</c>: a new category, a root or below a parent.</summary>
public sealed class CreateCategoryInputGraphType : InputObjectGraphType
{
    public CreateCategoryInputGraphType()
    {
        Name = "CreateCategoryInput";
        Description = "A new category: a root (no `parentId`, level 1) or below a parent of level 1 or 2 (its level is the parent's plus one).";
        Field<NonNullGraphType<StringGraphType>>("code").Description(
            "The unique dotted path, at most 32 characters of A-Z, 0-9 and `_` per segment: the parent's code, a dot and one segment (`IT.SW.SAAS` below `IT.SW`); one segment for a root.");
        Field<IdGraphType>("parentId").Description("The parent category; none for a root category.");
        this.AddCategoryFields(create: true);
    }
}
