using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Server.Mutations;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>The strategic goals feature's mutations (editors).</summary>
public sealed class StrategicGoalMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "recordGoalProgress",
            Description = "Records the current value of a goal's KPI at the version you read; `progress` reflects it at once.",
            Input = new RecordGoalProgressInputGraphType(),
            EntityTypeName = "StrategicGoal",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = RecordProgressAsync,
        }));
    }

    /// <summary>Statements: load (with the write rule), write, audit, read back.</summary>
    private static async Task<MutationResult> RecordProgressAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "StrategicGoal", required: true);
        var current = validation.Number(input, "current", precision: 18, scale: 4, min: -99_999_999_999_999.9999m, required: true);
        mutation.ThrowIfInvalid();
        var goal = await mutation.FindWritableAsync<StrategicGoal>(g => g.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(goal, input["expectedVersion"] as string);
        goal.Current = current!.Value;
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(goal.Id);
    }
}
