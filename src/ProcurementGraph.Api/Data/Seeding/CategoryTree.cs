using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// The generated category tree (ids 1..n: roots, then level 2, then level 3, so parents always
/// come first) and the lookups the other tables need: leaves, each category's root and sub-category.
/// </summary>
internal sealed class CategoryTree
{
    private readonly CategoryTemplate[] templates;
    private readonly int[] rootOf;
    private readonly int[] subOf;

    private CategoryTree(List<Category> categories, CategoryTemplate[] templates, int[] rootOf, int[] subOf)
    {
        Categories = categories;
        this.templates = templates;
        this.rootOf = rootOf;
        this.subOf = subOf;
        var parents = categories.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToHashSet();
        LeafIds = categories.Where(c => !parents.Contains(c.Id)).Select(c => c.Id).ToArray();
        RootIds = categories.Where(c => c.Level == 1).Select(c => c.Id).ToArray();
        LeavesByRoot = RootIds.ToDictionary(r => r, r => LeafIds.Where(l => rootOf[l] == r).ToArray());
    }

    public IReadOnlyList<Category> Categories { get; }

    public int[] LeafIds { get; }

    public int[] RootIds { get; }

    public IReadOnlyDictionary<int, int[]> LeavesByRoot { get; }

    public Category this[int id] => Categories[id - 1];

    public int RootOf(int id) => rootOf[id];

    public CategoryTemplate RootTemplateOf(int id) => templates[rootOf[id]];

    /// <summary>The level-2 template above (or at) a category; the root's for a root.</summary>
    public CategoryTemplate SubTemplateOf(int id) => templates[subOf[id]];

    /// <summary>The code of the level-2 category above (or at) a category; the root's code for a root.</summary>
    public string SubCodeOf(int id) => this[subOf[id]].Code;

    public static CategoryTree Build(int count, int contracts, int seed)
    {
        var subs = CategoryCatalog.Roots.SelectMany(r => r.Children.Select(s => (Root: r, Sub: s))).ToList();
        var minimum = CategoryCatalog.Roots.Count + subs.Count;
        var maximum = minimum + subs.Sum(s => s.Sub.Children.Count);
        if (count < minimum || count > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The category tree holds {minimum}..{maximum} categories.");
        }

        var random = SeedRandom.Stream(seed, SeedRandom.CategoryStream);
        var builder = new CategoryTreeBuilder(random, count + 1);
        var rootIds = CategoryCatalog.Roots.ToDictionary(r => r, r => builder.Add(r, null));
        var subIds = subs.ToDictionary(s => s.Sub, s => builder.Add(s.Sub, rootIds[s.Root]));

        // Leaves are dealt round-robin over the sub-categories until the requested count is reached.
        var extra = count - minimum;
        for (var i = 0; i < subs.Count; i++)
        {
            var take = Enumerable.Range(0, 3).Count(pass => (pass * subs.Count) + i < extra);
            foreach (var leaf in subs[i].Sub.Children.Take(take))
            {
                builder.Add(leaf, subIds[subs[i].Sub]);
            }
        }

        var leafCount = builder.Categories.Count - builder.Categories.Select(c => c.ParentId).Distinct().Count(p => p is not null);
        var tree = new CategoryTree(builder.Categories, builder.Templates, builder.RootOf, builder.SubOf);
        builder.AssignSpend(tree, contracts / (decimal)leafCount);
        return tree;
    }
}
