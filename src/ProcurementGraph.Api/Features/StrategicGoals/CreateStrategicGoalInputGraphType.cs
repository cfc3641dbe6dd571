using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary><c>CreateStrategicGoalInput</c>: a new strategic goal with its KPI.</summary>
public sealed class CreateStrategicGoalInputGraphType : InputObjectGraphType
{
    public CreateStrategicGoalInputGraphType()
    {
        Name = "CreateStrategicGoalInput";
        Description = "A new strategic goal with its KPI; it starts as a DRAFT unless `status` says otherwise, and at its baseline unless `current` is given. "
            + "Categories are linked afterwards with `linkGoalToCategory`.";
        this.AddGoalFields(create: true);
        Field<DecimalScalarGraphType>("current").Description($"The KPI's latest measured value, {StrategicGoalInputFields.KpiNumber}; default the baseline.");
    }
}
