using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>
/// Adds seeded random suppliers, contracts and ratings to a copy of the demo database: the edges the demo generator avoids
/// (zero baselines, negative savings, amounts beyond double precision, null categories and contracts on ratings, dates
/// from 2018 to 2035, suppliers never onboarded or audited). Set <c>AGGREGATE_SEED</c> to try another seed.
/// </summary>
public static class RandomAggregateData
{
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("AGGREGATE_SEED"), out var seed) ? seed : 16;

    private static readonly string[] Countries = ["DE", "FR", "US", "CN", "BR", "IN", "JP", "ZA", "NO", "MX", "VN"];
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "JPY", "CHF"];

    public static async Task ApplyAsync(string databasePath)
    {
        var random = new Random(Seed);
        await using var db = TestDatabase.Open(databasePath);
        var units = db.Set<BusinessUnit>().Select(b => b.Id).ToList();
        var categories = db.Set<Category>().Select(c => c.Id).ToList();
        var suppliers = new List<Supplier>();
        for (var i = 0; i < 120; i++)
        {
            suppliers.Add(new Supplier
            {
                Name = $"Random Supplier {Seed}-{i}",
                LegalName = $"Random Supplier {Seed}-{i} Ltd",
                RegistrationNumber = $"RND-{Seed}-{i}",
                Country = Pick(random, Countries),
                City = "Randomville",
                PrimaryContactEmail = $"sales{i}@random.example.com",
                Status = (SupplierStatus)random.Next(1, 6),
                RiskLevel = (RiskLevel)random.Next(1, 5),
                ComplianceStatus = (ComplianceStatus)random.Next(1, 4),
                IsDiverse = random.Next(2) == 0,
                OnboardedOn = random.Next(3) == 0 ? null : Day(random, 2015, 2027),
                LastAuditOn = random.Next(4) == 0 ? null : Day(random, 2019, 2027),
            });
        }

        db.AddRange(suppliers);
        await db.SaveChangesAsync();
        var supplierIds = db.Set<Supplier>().Select(s => s.Id).ToList();
        var contracts = new List<Contract>();
        for (var i = 0; i < 400; i++)
        {
            var start = Day(random, 2018, 2032);
            var annual = Amount(random);
            contracts.Add(new Contract
            {
                Number = $"CT-R{Seed}-{i:00000}",
                Title = $"Random contract {i}",
                SupplierId = Pick(random, supplierIds),
                CategoryId = Pick(random, categories),
                OwnerId = Pick(random, units),
                Status = (ContractStatus)random.Next(1, 5),
                StartDate = start,
                EndDate = start.AddDays(random.Next(0, 1500)),
                SignedOn = random.Next(5) == 0 ? null : start.AddDays(-random.Next(0, 60)),
                AutoRenew = random.Next(2) == 0,
                NoticePeriodDays = random.Next(0, 181),
                PaymentTermsDays = random.Next(0, 121),
                AnnualValue = annual,
                BaselineAnnualCost = random.Next(7) switch
                {
                    0 => 0m,
                    1 => Math.Round(annual * 0.8m, 2),
                    _ => Math.Round(annual * (1 + (decimal)random.NextDouble() / 4), 2),
                },
                TotalValue = Math.Round(annual * random.Next(1, 6), 2),
                OriginalCurrency = Pick(random, Currencies),
                OriginalTotalValue = Amount(random),
            });
        }

        db.AddRange(contracts);
        await db.SaveChangesAsync();
        var contractIds = db.Set<Contract>().Select(c => c.Id).ToList();
        var ratings = new List<StakeholderRating>();
        for (var i = 0; i < 2000; i++)
        {
            ratings.Add(new StakeholderRating
            {
                SupplierId = Pick(random, supplierIds),
                BusinessUnitId = Pick(random, units),
                CategoryId = random.Next(3) == 0 ? null : Pick(random, categories),
                ContractId = random.Next(2) == 0 ? null : Pick(random, contractIds),
                RaterName = "Random Rater",
                RaterEmail = "rater@random.example.com",
                RatedOn = Day(random, 2023, 2027),
                Period = $"{random.Next(2023, 2028)}-Q{random.Next(1, 5)}",
                Quality = random.Next(1, 6),
                Delivery = random.Next(1, 6),
                Responsiveness = random.Next(1, 6),
                Innovation = random.Next(1, 6),
                CostValue = random.Next(1, 6),
                Overall = random.Next(1, 6),
            });
        }

        db.AddRange(ratings);
        await db.SaveChangesAsync();
    }

    /// <summary>Whole amounts, cents, zero, and amounts whose sums a double cannot hold to the cent.</summary>
    private static decimal Amount(Random random) => random.Next(10) switch
    {
        0 => 0m,
        1 => 9_876_543_210_987.65m + random.Next(0, 100),
        2 => random.Next(1, 100_000) * 100m,
        _ => Math.Round((decimal)random.NextDouble() * 2_000_000m, 2),
    };

    private static DateOnly Day(Random random, int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(random.Next(0, (toYear - fromYear) * 365));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
