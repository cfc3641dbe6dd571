using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>
/// <c>linkGoalToCategory</c> and <c>unlinkGoalFromCategory</c> (Editor). Statements: 1 to check both references among the
/// rows the caller sees and load the link, 1 to write, the audit rows, 1 to read the goal back. Linking twice is DUPLICATE
/// (as <c>linkSupplierToCategory</c>); removing a link that does not exist NOT_LINKED, both on <c>categoryId</c>.
/// </summary>
internal static class GoalCategoryLinks
{
    public static async Task<MutationResult> LinkAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var goalId = validation.Key(input, "goalId", "StrategicGoal", required: true);
        var categoryId = validation.Key(input, "categoryId", "Category", required: true);
        var weight = Weight(input, validation);
        mutation.ThrowIfInvalid();
        var found = await FindAsync(mutation, goalId!.Value, categoryId!.Value).ConfigureAwait(false);
        if (found.Link is not null)
        {
            validation.Invalid(input, "categoryId", ValidationCodes.Duplicate, "The goal is already linked to this category; unlink it first to change its weight.");
        }

        mutation.ThrowIfInvalid();
        mutation.Db.Add(new GoalCategory { GoalId = goalId.Value, CategoryId = categoryId.Value, Weight = weight!.Value });
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(goalId.Value);
    }

    public static async Task<MutationResult> UnlinkAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var goalId = validation.Key(input, "goalId", "StrategicGoal", required: true);
        var categoryId = validation.Key(input, "categoryId", "Category", required: true);
        mutation.ThrowIfInvalid();
        var found = await FindAsync(mutation, goalId!.Value, categoryId!.Value).ConfigureAwait(false);
        if (found.Link is null)
        {
            validation.Invalid(input, "categoryId", ValidationCodes.NotLinked, "The goal is not linked to this category.");
            mutation.ThrowIfInvalid();
        }

        mutation.Db.Remove(found.Link!);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(goalId.Value);
    }

    /// <summary>A weight in (0, 1] with at most 4 decimals (<c>decimal(5,4)</c> and the table's check).</summary>
    private static decimal? Weight(MutationInput input, InputValidator validation)
    {
        var weight = validation.Number(input, "weight", precision: 5, scale: 4, min: 0, required: true, max: 1);
        if (weight == 0)
        {
            validation.Invalid(input, "weight", ValidationCodes.OutOfRange, "`weight` must be greater than 0 and at most 1.");
            return null;
        }

        return weight;
    }

    /// <summary>Both references among the rows the caller sees, and their link, in one statement; a missing reference ends the handler.</summary>
    private static async Task<Found> FindAsync(MutationContext mutation, int goalId, int categoryId)
    {
        var categories = mutation.Visible<Category>();
        var links = mutation.Db.Set<GoalCategory>();
        var found = await mutation.Visible<StrategicGoal>().Where(g => g.Id == goalId)
            .Select(g => new Found
            {
                Category = categories.Any(c => c.Id == categoryId),
                Weight = links.Where(l => l.GoalId == goalId && l.CategoryId == categoryId).Select(l => (decimal?)l.Weight).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(mutation.CancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            mutation.Validation.NotFound(mutation.Input, "goalId");
        }

        if (found is { Category: false })
        {
            mutation.Validation.NotFound(mutation.Input, "categoryId");
        }

        mutation.ThrowIfInvalid();
        return found!.Weight is { } weight
            ? new Found { Category = true, Link = new GoalCategory { GoalId = goalId, CategoryId = categoryId, Weight = weight } }
            : found;
    }

    private sealed class Found
    {
        /// <summary>The stored link, untracked (attached when it is removed, so the audit records its values).</summary>
        public GoalCategory? Link { get; init; }

        public bool Category { get; init; }

        public decimal? Weight { get; init; }
    }
}
