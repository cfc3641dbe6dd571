using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>The editable fields of a category, shared by <c>CreateCategoryInput</c> (required ones non-null) and <c>UpdateCategoryInput</c>.</summary>
internal static class CategoryInputFields
{
    public static void AddCategoryFields(this InputObjectGraphType input, bool create)
    {
        Text(input, "name", create, "The category's name, at most 200 characters.");
        input.Field<StringGraphType>("description").Description("What the category covers, at most 2000 characters; null clears it.");
        Text(input, "managerName", create, "The category manager, at most 200 characters.");
        Text(input, "managerEmail", create, "The category manager's e-mail address.");
        input.Field<DecimalScalarGraphType>("annualSpend").Description(create ? "The annual spend, ≥ 0 with at most 2 decimals; default 0." : "The annual spend, ≥ 0 with at most 2 decimals.");
        input.Field<EnumerationGraphType<CategoryStrategy>>("strategy").Description(create ? "The Kraljic quadrant; default ROUTINE." : "The Kraljic quadrant.");
    }

    private static void Text(InputObjectGraphType input, string name, bool required, string description)
    {
        if (required)
        {
            input.Field<NonNullGraphType<StringGraphType>>(name).Description(description);
        }
        else
        {
            input.Field<StringGraphType>(name).Description(description);
        }
    }
}
