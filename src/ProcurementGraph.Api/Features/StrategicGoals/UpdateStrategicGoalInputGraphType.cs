using GraphQL.Types;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary><c>UpdateStrategicGoalInput</c>: a partial update of a goal; fields left out keep their values.</summary>
public sealed class UpdateStrategicGoalInputGraphType : InputObjectGraphType
{
    public UpdateStrategicGoalInputGraphType()
    {
        Name = "UpdateStrategicGoalInput";
        Description = "Changes to a strategic goal. Fields left out keep their values; `description` given as null is cleared. "
            + "The KPI's `current` value is recorded with `recordGoalProgress`, the categories with `linkGoalToCategory` / `unlinkGoalFromCategory`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The strategic goal to change.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the goal as you read it.");
        this.AddGoalFields(create: false);
    }
}
