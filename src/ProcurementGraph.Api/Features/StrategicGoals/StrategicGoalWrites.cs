using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>
/// <c>createStrategicGoal</c> and <c>updateStrategicGoal</c> (Editor). Statements: create 1 to insert, the audit rows, 1 to read
/// the payload back; update 1 to load (with the write rule), 1 to write, the audit rows, 1 to read back. A code another goal
/// holds is a typed DUPLICATE error, found when the unique index refuses the write (no extra statement in the common case).
/// </summary>
internal static class StrategicGoalWrites
{
    public static async Task<MutationResult> CreateAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var changes = StrategicGoalValues.Read(input, validation, create: true);
        var (start, end) = StrategicGoalValues.ReadPeriod(input, validation, create: true);
        var current = StrategicGoalValues.Kpi(input, validation, "current", required: false);
        if (start is { } first && end is { } last)
        {
            StrategicGoalValues.CheckPeriod(input, validation, first, last);
        }

        mutation.ThrowIfInvalid();
        var goal = new StrategicGoal
        {
            Code = string.Empty, Title = string.Empty, OwnerName = string.Empty, OwnerEmail = string.Empty, KpiName = string.Empty,
            Status = GoalStatus.Draft, PeriodStart = start!.Value, PeriodEnd = end!.Value,
        };
        changes.ForEach(change => change(goal));
        goal.Current = current ?? goal.Baseline;
        mutation.Db.Add(goal);
        await mutation.SaveChangesAsync(e => DuplicateAsync(mutation, goal)).ConfigureAwait(false);
        return MutationResult.Success(goal.Id);
    }

    public static async Task<MutationResult> UpdateAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "StrategicGoal", required: true);
        var changes = StrategicGoalValues.Read(input, validation, create: false);
        var (start, end) = StrategicGoalValues.ReadPeriod(input, validation, create: false);
        mutation.ThrowIfInvalid();
        var goal = await mutation.FindWritableAsync<StrategicGoal>(g => g.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(goal, input["expectedVersion"] as string);
        StrategicGoalValues.CheckPeriod(input, validation, start ?? goal.PeriodStart, end ?? goal.PeriodEnd);
        mutation.ThrowIfInvalid();
        changes.ForEach(change => change(goal));
        (goal.PeriodStart, goal.PeriodEnd) = (start ?? goal.PeriodStart, end ?? goal.PeriodEnd);
        await mutation.SaveChangesAsync(e => DuplicateAsync(mutation, goal)).ConfigureAwait(false);
        return MutationResult.Success(goal.Id);
    }

    /// <summary>A DUPLICATE error when another goal holds the code (the unique index refused the write).</summary>
    private static async Task<MutationError?> DuplicateAsync(MutationContext mutation, StrategicGoal goal)
    {
        var (code, id) = (goal.Code, goal.Id);
        var taken = await mutation.Db.Set<StrategicGoal>().AnyAsync(g => g.Code == code && g.Id != id, mutation.CancellationToken).ConfigureAwait(false);
        return taken ? new ValidationError("code", ValidationCodes.Duplicate, "Another strategic goal has this `code`.") : null;
    }
}
