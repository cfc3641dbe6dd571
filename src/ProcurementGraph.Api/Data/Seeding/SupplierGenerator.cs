using Bogus;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Streams suppliers and their category links from a <see cref="SupplierPlan"/>.</summary>
internal sealed class SupplierGenerator(SupplierPlan plan, CategoryTree tree, DateOnly referenceDate, int seed)
{
    private static readonly string[] RoleMailboxes = ["sales", "info", "orders", "service", "contact"];

    public IEnumerable<Supplier> Suppliers()
    {
        var random = SeedRandom.Stream(seed, SeedRandom.SupplierStream);
        var fakers = new Dictionary<string, Faker>();
        for (var id = 1; id <= plan.Count; id++)
        {
            var country = SupplierCountries.All[plan.Country[id]];
            var locale = country.Locale;
            var faker = locale is null ? null : fakers.TryGetValue(locale, out var f) ? f : fakers[locale] = SeedRandom.Faker(random, locale);
            var city = random.Pick(country.Cities);
            var word = random.Pick(tree.SubTemplateOf(plan.CategoriesOf(id)[0]).SupplierWords);
            word = random.Bool(0.2f) ? $"{random.ArrayElement(SupplierNames.Adjectives)} {word}" : word;
            var name = NameOf(random, faker, city, word);
            var domain = $"{SupplierNames.Slug(name)}.{country.Tld}";
            var contact = faker is null || random.Bool(0.3f)
                ? $"{random.ArrayElement(RoleMailboxes)}@{domain}"
                : SupplierNames.Email(faker.Name.FirstName(), faker.Name.LastName(), domain);
            var status = plan.Status[id];
            var risk = plan.Risk[id];
            yield return new Supplier
            {
                Id = id,
                Name = name,
                LegalName = $"{name} {random.Pick(country.LegalForms)}",
                RegistrationNumber = $"{country.Code}{RegistrationDigits(id):D8}",
                Country = country.Code,
                City = city,
                Website = random.Bool(0.9f) ? $"https://www.{domain}" : null,
                PrimaryContactEmail = contact,
                Status = status,
                RiskLevel = risk,
                ComplianceStatus = Compliance(random, status, risk),
                LastAuditOn = LastAudit(random, status, risk),
                IsDiverse = random.Bool(0.12f),
                OnboardedOn = plan.OnboardedDay[id] == 0 ? null : DateOnly.FromDayNumber(plan.OnboardedDay[id]),
                Version = SeedRandom.Version(random.Guid()),
            };
        }
    }

    public IEnumerable<CategorySupplier> CategorySuppliers()
    {
        var random = SeedRandom.Stream(seed, SeedRandom.CategorySupplierStream);
        for (var id = 1; id <= plan.Count; id++)
        {
            var preferredChance = plan.Status[id] != SupplierStatus.Active ? 0f : plan.Risk[id] <= RiskLevel.Medium ? 0.3f : 0.08f;
            var first = plan.OnboardedDay[id] == 0 ? referenceDate.AddDays(-180) : DateOnly.FromDayNumber(plan.OnboardedDay[id]);
            var count = plan.CategoryCount[id];
            for (var i = 0; i < count; i++)
            {
                yield return new CategorySupplier
                {
                    CategoryId = plan.CategoriesOf(id)[i],
                    SupplierId = id,
                    IsPreferred = random.Bool(preferredChance),
                    Since = random.Between(first, referenceDate),
                };
            }
        }
    }

    /// <summary>A bijection on 0..99,999,999, so registration numbers look random yet never repeat.</summary>
    private static long RegistrationDigits(int id) => ((id * 37_394_707L) + 12_345_678L) % 100_000_000L;

    private static string NameOf(Randomizer random, Faker? faker, string city, string word)
    {
        var pattern = faker is null ? random.Number(2, 3) : random.Number(0, 3);
        return pattern switch
        {
            0 => $"{faker!.Name.LastName()} {word}",
            1 => random.Bool(0.5f) ? $"{faker!.Name.LastName()} & {faker.Name.LastName()}" : $"{faker!.Name.LastName()} {word}",
            2 => $"{city} {word}",
            _ => $"{SupplierNames.Coined(random)} {word}",
        };
    }

    private static ComplianceStatus Compliance(Randomizer random, SupplierStatus status, RiskLevel risk)
    {
        if (status is SupplierStatus.Prospect or SupplierStatus.Onboarding)
        {
            return random.Bool(0.7f) ? ComplianceStatus.PendingReview : ComplianceStatus.Compliant;
        }

        ReadOnlySpan<int> weights = risk switch
        {
            RiskLevel.Low => [0, 90, 8, 2],
            RiskLevel.Medium => [0, 80, 15, 5],
            RiskLevel.High => [0, 60, 25, 15],
            _ => [0, 35, 30, 35],
        };
        return (ComplianceStatus)random.WeightedIndex(weights);
    }

    private DateOnly? LastAudit(Randomizer random, SupplierStatus status, RiskLevel risk) => status switch
    {
        SupplierStatus.Prospect => null,
        SupplierStatus.Onboarding => random.Bool(0.5f) ? referenceDate.AddDays(-random.Number(10, 120)) : null,
        _ => referenceDate.AddDays(-random.Number(20, risk >= RiskLevel.High ? 400 : 1_000)),
    };
}
