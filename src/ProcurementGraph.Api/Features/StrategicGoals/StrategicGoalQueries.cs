using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>Root fields of the strategic goals feature.</summary>
public sealed class StrategicGoalQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("strategicGoals", "StrategicGoal", "Strategic goals, filtered, sorted and paged with keyset cursors."));
        query.AddField(EntityFields.Lookup<StrategicGoal, string>(
            "strategicGoal", "StrategicGoal", "A strategic goal by its code; null when it does not exist.",
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "code", Description = "The goal code, e.g. `SG-2026-03`." },
            code => g => g.Code == code));
    }
}
