using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>The strategic goals feature's mutations (editors): goals, their KPI's progress and the categories they are pursued through.</summary>
public sealed class StrategicGoalMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "createStrategicGoal",
            Description = "Creates a strategic goal with its KPI (status DRAFT unless given; `current` defaults to the baseline).",
            Input = new CreateStrategicGoalInputGraphType(),
            EntityTypeName = "StrategicGoal",
            Errors = [typeof(ValidationErrorGraphType)],
            Handler = StrategicGoalWrites.CreateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "updateStrategicGoal",
            Description = "Changes a strategic goal at the version you read; fields left out keep their values. `progress` follows at once.",
            Input = new UpdateStrategicGoalInputGraphType(),
            EntityTypeName = "StrategicGoal",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = StrategicGoalWrites.UpdateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "recordGoalProgress",
            Description = "Records the current value of a goal's KPI at the version you read; `progress` reflects it at once.",
            Input = new RecordGoalProgressInputGraphType(),
            EntityTypeName = "StrategicGoal",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = RecordProgressAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "linkGoalToCategory",
            Description = "Pursues a goal through a category with the share of the goal it carries (`weight`, in (0, 1]); the payload is the goal, its `categories` list the new link. "
                + "A goal already linked to the category is a DUPLICATE ValidationError.",
            Input = new LinkGoalToCategoryInputGraphType(),
            EntityTypeName = "StrategicGoal",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = GoalCategoryLinks.LinkAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "unlinkGoalFromCategory",
            Description = "Stops pursuing a goal through a category; the payload is the goal. A goal not linked to the category is a NOT_LINKED ValidationError.",
            Input = new UnlinkGoalFromCategoryInputGraphType(),
            EntityTypeName = "StrategicGoal",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = GoalCategoryLinks.UnlinkAsync,
        }));
    }

    /// <summary>Statements: load (with the write rule), write, audit, read back.</summary>
    private static async Task<MutationResult> RecordProgressAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "StrategicGoal", required: true);
        var current = StrategicGoalValues.Kpi(input, validation, "current", required: true);
        mutation.ThrowIfInvalid();
        var goal = await mutation.FindWritableAsync<StrategicGoal>(g => g.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(goal, input["expectedVersion"] as string);
        goal.Current = current!.Value;
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(goal.Id);
    }
}
