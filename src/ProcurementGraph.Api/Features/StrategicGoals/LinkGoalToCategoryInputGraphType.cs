using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary><c>LinkGoalToCategoryInput</c>: a category a goal is pursued through, with its weight.</summary>
public sealed class LinkGoalToCategoryInputGraphType : InputObjectGraphType
{
    public LinkGoalToCategoryInputGraphType()
    {
        Name = "LinkGoalToCategoryInput";
        Description = "A category to pursue a strategic goal through, with the share of the goal it carries; a goal is linked to a category at most once.";
        Field<NonNullGraphType<IdGraphType>>("goalId").Description("The strategic goal.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("The category.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("weight").Description("The share of the goal carried by the category: greater than 0, at most 1, at most 4 decimals.");
    }
}
