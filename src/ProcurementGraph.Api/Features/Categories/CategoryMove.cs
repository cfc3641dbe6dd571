using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>
/// <c>moveCategory</c> (Editor): re-parents a category with its subtree. The moved category's code becomes the new parent's
/// code, a dot and its own last segment (a root: the segment alone), its level the parent's + 1; every descendant's code
/// prefix and level follow. Statements: 1 to load the category (row rules), its subtree, the new parent and whether the
/// new code is taken; 1 set-based UPDATE rewriting the subtree's codes, levels and versions (and the moved row's parent);
/// the audit rows (one per changed row); 1 to read the payload back.
/// </summary>
internal static class CategoryMove
{
    public static async Task<MutationResult> MoveAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "Category", required: true);
        int? parentId = null;
        if (!input.Has("newParentId"))
        {
            validation.Invalid(input, "newParentId", ValidationCodes.Required, "`newParentId` is required: the new parent's ID, or null to make the category a root.");
        }
        else
        {
            parentId = validation.Key(input, "newParentId", "Category", required: false);
        }

        mutation.ThrowIfInvalid();
        var key = id!.Value;
        var subtree = await mutation.FindWritableAsync(
            (Category c) => c.Id == key, Source(mutation.Db.Set<Category>(), mutation.Visible<Category>(), parentId), input, "id").ConfigureAwait(false);
        if (!Versions.Matches(subtree.Version, input["expectedVersion"] as string))
        {
            return MutationResult.Failure(new ConcurrencyConflictError(Versions.Format(subtree.Version)));
        }

        if (parentId == subtree.ParentId)
        {
            return MutationResult.Success(key); // already there: nothing to write, the version stays
        }

        var move = Plan(mutation, key, parentId, subtree);
        mutation.ThrowIfInvalid();
        int written;
        try
        {
            written = await RewriteAsync(mutation.Db, move, mutation.CancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Another category took the code meanwhile (the unique index refused the rewrite): a typed error, rolled back.
            if (await mutation.Db.Set<Category>().AnyAsync(c => c.Code == move.NewCode && c.Id != move.Id, mutation.CancellationToken).ConfigureAwait(false))
            {
                throw new MutationAbortedException(Duplicate(input, move.NewCode));
            }

            throw;
        }

        if (written != 1 + move.Descendants.Count)
        {
            // The category or its subtree changed since it was read (a concurrent writer on a provider without a write lock).
            // The rewrite is rolled back: when it did reach the moved row (it has the new code now), the version that stays is
            // the one read; else it is the other writer's.
            var current = await mutation.Db.Set<Category>().Where(c => c.Id == move.Id).Select(c => new { c.Version, c.Code })
                .FirstOrDefaultAsync(mutation.CancellationToken).ConfigureAwait(false);
            return MutationResult.Failure(new ConcurrencyConflictError(Versions.Format(current?.Code == move.NewCode ? move.Version : current?.Version)));
        }

        await mutation.AuditAsync(Changes(mutation, move)).ConfigureAwait(false);
        return MutationResult.Success(move.Id);
    }

    /// <summary>
    /// What the move needs of the category, in the statement that finds it: its tree values, its subtree (children and
    /// grandchildren: the tree has three levels), the new parent among the caller's rows and whether the code the category
    /// would get there is taken.
    /// </summary>
    internal static Expression<Func<Category, Subtree>> Source(IQueryable<Category> all, IQueryable<Category> visible, int? parentId)
    {
        var parents = visible.Where(p => p.Id == parentId);
        return c => new Subtree
        {
            Code = c.Code,
            Level = c.Level,
            ParentId = c.ParentId,
            Version = c.Version,
            Children = c.Children.Select(child => new Descendant
            {
                Id = child.Id,
                Code = child.Code,
                Level = child.Level,
                Children = child.Children.Select(grandchild => new Descendant { Id = grandchild.Id, Code = grandchild.Code, Level = grandchild.Level }).ToList(),
            }).ToList(),
            NewParentCode = parents.Select(p => p.Code).FirstOrDefault(),
            NewParentLevel = parents.Select(p => (int?)p.Level).FirstOrDefault(),

            // The new code: the parent's code and a dot (none for a root) and the category's own last segment.
            Taken = all.Any(x => x.Id != c.Id
                && x.Code == (parents.Select(p => p.Code + ".").FirstOrDefault() ?? string.Empty)
                    + (c.ParentId == null ? c.Code : c.Code.Substring(c.Parent!.Code.Length + 1))),
        };
    }

    /// <summary>
    /// Rewrites the moved category and its subtree in one statement: the code prefix replaced, the level shifted, a new
    /// version for every row (<see cref="ConcurrencyTokens.ExecuteVersionedUpdateAsync"/>: a bulk update bypasses the
    /// context's token renewal), the moved row re-parented. The moved row
    /// must still have the version read; the rows are those whose code has the old prefix, so a count other than the
    /// subtree's read means the tree changed meanwhile.
    /// </summary>
    internal static Task<int> RewriteAsync(DbContext db, Move move, CancellationToken cancellationToken)
    {
        var (id, version, parentId) = (move.Id, move.Version, move.NewParentId);
        var (newCode, prefix, oldLength, shift) = (move.NewCode, move.OldCode + ".", move.OldCode.Length, move.LevelShift);
        return db.Set<Category>()
            .Where(c => (c.Id == id && c.Version == version) || c.Code.StartsWith(prefix))
            .ExecuteVersionedUpdateAsync(
                db,
                set => set
#pragma warning disable CA1845 // an expression translated to SQL, not string work in .NET
                    .SetProperty(c => c.Code, c => newCode + c.Code.Substring(oldLength))
#pragma warning restore CA1845
                    .SetProperty(c => c.Level, c => c.Level + shift)
                    .SetProperty(c => c.ParentId, c => c.Id == id ? parentId : c.ParentId),
                cancellationToken);
    }

    /// <summary>The rewrite, after checking the tree's rules: no cycle, at most three levels, codes that fit and are free.</summary>
    private static Move Plan(MutationContext mutation, int id, int? parentId, Subtree subtree)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var descendants = subtree.Children.SelectMany(child => child.Children.Prepend(child)).ToList();
        if (parentId is not null && subtree.NewParentCode is null)
        {
            validation.NotFound(input, "newParentId");
            mutation.ThrowIfInvalid();
        }

        var segment = subtree.Level == 1 ? subtree.Code : subtree.Code[(subtree.Code.LastIndexOf('.') + 1)..];
        var newCode = subtree.NewParentCode is null ? segment : subtree.NewParentCode + "." + segment;
        var newLevel = (subtree.NewParentLevel ?? 0) + 1;
        var move = new Move(id, subtree.Version, parentId, subtree.ParentId, subtree.Code, newCode, newLevel - subtree.Level, subtree.Level, descendants);
        if (parentId == id || descendants.Any(d => d.Id == parentId))
        {
            validation.Invalid(input, "newParentId", ValidationCodes.InvalidValue, "A category cannot move below itself or one of its subcategories.");
            return move;
        }

        var deepest = descendants.Select(d => d.Level).Append(subtree.Level).Max() + move.LevelShift;
        if (deepest > CategoryWrites.MaxLevel)
        {
            validation.Invalid(input, "newParentId", ValidationCodes.InvalidValue,
                $"Below this parent the category's subtree would reach level {deepest}; the category tree has at most {CategoryWrites.MaxLevel} levels.");
        }
        else if (descendants.Select(d => d.Code.Length).Append(subtree.Code.Length).Max() - subtree.Code.Length + newCode.Length > ModelConventions.CodeLength)
        {
            validation.Invalid(input, "newParentId", ValidationCodes.InvalidValue,
                $"Below this parent a code of the category's subtree would be longer than {ModelConventions.CodeLength} characters.");
        }
        else if (subtree.Taken)
        {
            validation.Add(Duplicate(input, newCode));
        }

        return move;
    }

    private static ValidationError Duplicate(MutationInput input, string code) =>
        new(input.Path("newParentId"), ValidationCodes.Duplicate, $"Another category has the code `{code}` the category would get below this parent.", input.Index);

    /// <summary>One audit entry per changed row, as the trail records every write: the moved row's code, parent and level, each descendant's code and level.</summary>
    private static List<AuditedChange> Changes(MutationContext mutation, Move move)
    {
        var type = mutation.EntityTypeName(typeof(Category));
        var changes = new List<AuditedChange>(1 + move.Descendants.Count) { new(type, Key(move.Id), ChangeKind.Updated, Fields(move, move.OldCode, move.Level, moved: true)) };
        changes.AddRange(move.Descendants.Select(d => new AuditedChange(type, Key(d.Id), ChangeKind.Updated, Fields(move, d.Code, d.Level, moved: false))));
        return changes;
    }

    private static Dictionary<string, FieldChange> Fields(Move move, string code, int level, bool moved)
    {
        var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal) { ["code"] = new(code, move.NewCode + code[move.OldCode.Length..]) };
        if (moved)
        {
            fields["parentId"] = new(move.OldParentId, move.NewParentId);
        }

        if (move.LevelShift != 0)
        {
            fields["level"] = new(level, level + move.LevelShift);
        }

        return fields;
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A move to make: the category's key and version read, its parents, the code prefix and the level shift of the subtree.</summary>
    internal sealed record Move(
        int Id, byte[] Version, int? NewParentId, int? OldParentId, string OldCode, string NewCode, int LevelShift, int Level, IReadOnlyList<Descendant> Descendants);

    internal sealed class Subtree
    {
        public string Code { get; init; } = string.Empty;

        public int Level { get; init; }

        public int? ParentId { get; init; }

        public byte[] Version { get; init; } = [];

        public List<Descendant> Children { get; init; } = [];

        public string? NewParentCode { get; init; }

        public int? NewParentLevel { get; init; }

        public bool Taken { get; init; }
    }

    internal sealed class Descendant
    {
        public int Id { get; init; }

        public string Code { get; init; } = string.Empty;

        public int Level { get; init; }

        public List<Descendant> Children { get; init; } = [];
    }
}
