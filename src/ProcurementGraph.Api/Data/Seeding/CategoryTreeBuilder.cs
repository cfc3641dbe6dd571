using Bogus;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Adds categories one by one for <see cref="CategoryTree"/>: codes, managers, descriptions, spend.</summary>
internal sealed class CategoryTreeBuilder(Randomizer random, int capacity)
{
    private readonly Faker faker = SeedRandom.Faker(random);
    private readonly Dictionary<int, (string Name, string Email)> managers = [];

    public List<Category> Categories { get; } = [];

    public CategoryTemplate[] Templates { get; } = new CategoryTemplate[capacity];

    public int[] RootOf { get; } = new int[capacity];

    public int[] SubOf { get; } = new int[capacity];

    public int Add(CategoryTemplate template, int? parentId)
    {
        var id = Categories.Count + 1;
        var parent = parentId is { } p ? Categories[p - 1] : null;
        var level = parent is null ? 1 : parent.Level + 1;

        // Roots and sub-categories have their own manager; a leaf is run by its sub-category's manager.
        var manager = level < 3 ? NewPerson() : managers[parent!.Id];
        managers[id] = manager;
        Categories.Add(new Category
        {
            Id = id,
            Version = SeedRandom.Version("Categories", id),
            Code = parent is null ? template.Segment : $"{parent.Code}.{template.Segment}",
            Name = template.Name,
            Description = template.Description.Length > 0 ? template.Description : LeafDescription(template),
            ParentId = parentId,
            Level = level,
            ManagerName = manager.Name,
            ManagerEmail = manager.Email,
            Strategy = template.Strategy,
        });
        Templates[id] = template;
        RootOf[id] = parent is null ? id : RootOf[parent.Id];
        SubOf[id] = level == 3 ? parent!.Id : id;
        return id;
    }

    /// <summary>
    /// Leaf spend is sized so that active contracts cover roughly 55-95% of it (the contract
    /// volume grows with the seed size, so spend does too); parents sum their children.
    /// </summary>
    public void AssignSpend(CategoryTree tree, decimal contractsPerLeaf)
    {
        foreach (var category in Categories.AsEnumerable().Reverse())
        {
            if (!Categories.Any(c => c.ParentId == category.Id))
            {
                var typical = tree.RootTemplateOf(category.Id).TypicalContractValue;
                var coverage = 0.55m + (0.40m * (decimal)random.Double());
                var spend = typical * 1.3m * contractsPerLeaf * 0.7m / coverage;
                category.AnnualSpend = Math.Round(spend / 1_000m, 0, MidpointRounding.AwayFromZero) * 1_000m;
            }

            if (category.ParentId is { } parentId)
            {
                Categories[parentId - 1].AnnualSpend += category.AnnualSpend;
            }
        }
    }

    private (string Name, string Email) NewPerson()
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        return ($"{first} {last}", SupplierNames.Email(first, last, SeedDataGenerator.OrganisationDomain));
    }

    private static string LeafDescription(CategoryTemplate leaf) => leaf.Strategy switch
    {
        CategoryStrategy.Strategic => $"Business-critical {leaf.Name}: long-term partnerships with a few qualified suppliers.",
        CategoryStrategy.Leverage => $"{leaf.Name} bought in volume from a competitive market; tendered regularly to use buying power.",
        CategoryStrategy.Bottleneck => $"{leaf.Name} with few qualified sources: secure supply first and qualify alternatives.",
        _ => $"Low-value, low-risk {leaf.Name}: catalogue buying and consolidation keep process cost down.",
    };
}
