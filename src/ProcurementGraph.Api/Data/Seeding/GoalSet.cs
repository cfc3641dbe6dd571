using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>The generated strategic goals (ids 1..n, codes SG-yyyy-01..) and the categories they are pursued through.</summary>
internal sealed class GoalSet
{
    private GoalSet(List<StrategicGoal> goals, List<GoalCategory> links)
    {
        Goals = goals;
        Links = links;
    }

    public IReadOnlyList<StrategicGoal> Goals { get; }

    public IReadOnlyList<GoalCategory> Links { get; }

    public static GoalSet Build(int count, CategoryTree tree, DateOnly referenceDate, int seed)
    {
        var faker = SeedRandom.Faker(SeedRandom.Stream(seed, SeedRandom.GoalStream));
        var random = SeedRandom.Stream(seed, SeedRandom.GoalLinkStream);
        var goals = new List<StrategicGoal>(count);
        var links = new List<GoalCategory>();
        for (var id = 1; id <= count; id++)
        {
            var template = GoalCatalog.Goals[(id - 1) % GoalCatalog.Goals.Count];
            var start = new DateOnly(referenceDate.Year + template.StartYearOffset, 1, 1);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            goals.Add(new StrategicGoal
            {
                Id = id,
                Version = SeedRandom.Version("StrategicGoals", id),
                Code = $"SG-{referenceDate.Year}-{id:D2}",
                Title = template.Title,
                Description = template.Description,
                Theme = template.Theme,
                OwnerName = $"{first} {last}",
                OwnerEmail = SupplierNames.Email(first, last, SeedDataGenerator.OrganisationDomain),
                PeriodStart = start,
                PeriodEnd = start.AddYears(template.Years).AddDays(-1),
                Status = template.Status,
                KpiName = template.KpiName,
                KpiUnit = template.KpiUnit,
                Baseline = template.Baseline,
                Target = template.Target,
                Current = template.Current,
            });

            // Pursued through 2-4 of the roots named by the template and their sub-categories.
            var candidates = tree.Categories
                .Where(c => c.Level <= 2 && template.Roots.Contains(tree.RootTemplateOf(c.Id).Segment))
                .Select(c => c.Id)
                .ToArray();
            var chosen = random.Shuffle(candidates).Take(Math.Min(candidates.Length, random.Number(2, 4))).Order().ToArray();
            var weights = SeedRandom.Normalize(chosen.Select(_ => 0.5 + random.Double()).ToArray());
            links.AddRange(chosen.Select((categoryId, i) => new GoalCategory { GoalId = id, CategoryId = categoryId, Weight = weights[i] }));
        }

        return new GoalSet(goals, links);
    }
}
