using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary><c>RecordGoalProgressInput</c>: the KPI's current value of a goal.</summary>
public sealed class RecordGoalProgressInputGraphType : InputObjectGraphType
{
    public RecordGoalProgressInputGraphType()
    {
        Name = "RecordGoalProgressInput";
        Description = "The latest measured value of a goal's KPI; `progress` follows at once.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The strategic goal.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the goal as you read it.");
        Field<NonNullGraphType<DecimalScalarGraphType>>("current").Description("The KPI's current value, at most 4 decimals, below 10^14 in magnitude.");
    }
}
