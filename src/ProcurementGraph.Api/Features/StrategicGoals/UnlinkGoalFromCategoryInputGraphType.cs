using GraphQL.Types;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary><c>UnlinkGoalFromCategoryInput</c>: a category a goal should no longer be pursued through.</summary>
public sealed class UnlinkGoalFromCategoryInputGraphType : InputObjectGraphType
{
    public UnlinkGoalFromCategoryInputGraphType()
    {
        Name = "UnlinkGoalFromCategoryInput";
        Description = "A category a strategic goal should no longer be pursued through.";
        Field<NonNullGraphType<IdGraphType>>("goalId").Description("The strategic goal.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("The category.");
    }
}
