using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>Live goal dashboards: an event whenever a goal's KPI value changes (<c>recordGoalProgress</c>).</summary>
public sealed class StrategicGoalSubscriptions : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        subscription.AddField(SubscriptionFields.Create(new SubscriptionDefinition
        {
            Name = "onGoalProgressRecorded",
            Description = "A strategic goal's KPI value changed (`recordGoalProgress`), optionally only for one goal.",
            EventTypeName = "GoalProgressRecordedEvent",
            EventDescription = "A strategic goal whose KPI value changed, with the value it had before.",
            EntityTypeName = "StrategicGoal",
            Arguments = [SubscriptionArguments.Id("goalId", "StrategicGoal", "Only this goal.")],
            Accepts = change => change.Kind == ChangeKind.Updated && change.Changed("current"),
            Filter = context => SubscriptionArguments.Matching<StrategicGoal>(context, "goalId", "StrategicGoal", g => g.Id),
            EventFields =
            [
                SubscriptionEventFields.FromChange("previousCurrent", new NonNullGraphType(new GraphQLTypeReference("Decimal")),
                    "The KPI value before the change (`current` is the new one).", change => change.Before<decimal>("current")),
                SubscriptionEventFields.ChangedAt(),
            ],
        }));
    }
}
