using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>
/// <c>createCategory</c> and <c>updateCategory</c> (Editor). A new category's level is its parent's plus one (at most 3) and its
/// code the parent's code and one more segment; the parent and the code's uniqueness are checked in one statement.
/// Statements: 1 to check (create) or load (update), 1 to write, the audit rows, 1 to read the payload back.
/// </summary>
internal static class CategoryWrites
{
    /// <summary>The deepest level of the category tree.</summary>
    internal const int MaxLevel = 3;

    public static async Task<MutationResult> CreateAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var code = CategoryValues.Code(input, validation);
        var parentId = validation.Key(input, "parentId", "Category", required: false);
        var changes = CategoryValues.Read(input, validation, create: true);
        mutation.ThrowIfInvalid();
        var all = mutation.Db.Set<Category>();
        var level = 1;
        bool taken;
        if (parentId is { } id)
        {
            var parent = await mutation.Visible<Category>().Where(c => c.Id == id)
                .Select(c => new { c.Code, c.Level, Taken = all.Any(x => x.Code == code) })
                .FirstOrDefaultAsync(mutation.CancellationToken).ConfigureAwait(false);
            if (parent is null)
            {
                validation.NotFound(input, "parentId");
                mutation.ThrowIfInvalid();
            }

            level = parent!.Level + 1;
            taken = parent.Taken;
            if (level > MaxLevel)
            {
                validation.Invalid(input, "parentId", ValidationCodes.InvalidValue, "The parent is of level 3, the lowest of the category tree.");
            }
            else if (!code!.StartsWith(parent.Code + ".", StringComparison.Ordinal) || Segments(code) != level)
            {
                validation.Invalid(input, "code", ValidationCodes.InvalidValue, $"`code` is the parent's code `{parent.Code}`, a dot and one segment.");
            }
        }
        else
        {
            taken = await all.AnyAsync(c => c.Code == code, mutation.CancellationToken).ConfigureAwait(false);
            if (Segments(code!) != 1)
            {
                validation.Invalid(input, "code", ValidationCodes.InvalidValue, "A root category's `code` is one segment; give `parentId` for a subcategory.");
            }
        }

        if (taken)
        {
            validation.Invalid(input, "code", ValidationCodes.Duplicate, "Another category has this `code`.");
        }

        mutation.ThrowIfInvalid();
        var category = new Category
        {
            Code = code!, Name = string.Empty, ManagerName = string.Empty, ManagerEmail = string.Empty,
            ParentId = parentId, Level = level, Strategy = CategoryStrategy.Routine,
        };
        changes.ForEach(change => change(category));
        mutation.Db.Add(category);
        await mutation.SaveChangesAsync(e => DuplicateAsync(mutation, category)).ConfigureAwait(false);
        return MutationResult.Success(category.Id);
    }

    public static async Task<MutationResult> UpdateAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Category", required: true);
        var changes = CategoryValues.Read(input, mutation.Validation, create: false);
        mutation.ThrowIfInvalid();
        var category = await mutation.FindWritableAsync<Category>(c => c.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(category, input["expectedVersion"] as string);
        changes.ForEach(change => change(category));
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(category.Id);
    }

    internal static int Segments(string code) => code.Count(c => c == '.') + 1;

    /// <summary>A DUPLICATE error when another category took the code meanwhile (the unique index refused the write).</summary>
    private static async Task<MutationError?> DuplicateAsync(MutationContext mutation, Category category)
    {
        var code = category.Code;
        var taken = await mutation.Db.Set<Category>().AnyAsync(c => c.Code == code && c.Id != category.Id, mutation.CancellationToken).ConfigureAwait(false);
        return taken ? new ValidationError("code", ValidationCodes.Duplicate, "Another category has this `code`.") : null;
    }
}
