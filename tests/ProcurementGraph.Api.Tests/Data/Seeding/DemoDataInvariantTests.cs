using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>The seeded demo data, read back through EF, has the shape and the rules of the domain.</summary>
public class DemoDataInvariantTests(SeededDemoDatabase demo) : IClassFixture<SeededDemoDatabase>
{
    private static readonly DateOnly Today = SeedTestDatabase.ReferenceDate;

    [Fact]
    public void Counts_match_the_demo_size_and_the_report()
    {
        Assert.False(demo.Report.Skipped);
        Assert.Equal((12, 60, 12, 500, 2_000, 10_000), (demo.Goals.Count, demo.Categories.Count, demo.BusinessUnits.Count, demo.Suppliers.Count, demo.Contracts.Count, demo.Ratings.Count));
        Assert.Equal(demo.CategorySuppliers.Count, demo.Report.RowsIn("CategorySuppliers"));
        Assert.Equal(demo.Ratings.Count, demo.Report.RowsIn("StakeholderRatings"));
    }

    [Fact]
    public void Every_unit_has_distinct_ordered_drivers_whose_weights_sum_to_one()
    {
        foreach (var unit in demo.ValueDrivers.GroupBy(d => d.BusinessUnitId))
        {
            Assert.Equal(1.0000m, unit.Sum(d => d.Weight));
            Assert.All(unit, d => Assert.InRange(d.Weight, 0.0001m, 1m));
            Assert.Equal(unit.Count(), unit.Select(d => d.Driver).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, unit.Count()), unit.Select(d => d.Position));
        }

        Assert.Equal(12, demo.ValueDrivers.Select(d => d.BusinessUnitId).Distinct().Count());
        Assert.True(demo.ValueDrivers.GroupBy(d => d.BusinessUnitId).Select(u => u.First().Driver).Distinct().Count() >= 4, "units value different things");
    }

    [Fact]
    public void Scores_are_between_one_and_five_and_periods_match_the_rating_date()
    {
        Assert.All(demo.Ratings, r =>
        {
            Assert.All(new[] { r.Quality, r.Delivery, r.Responsiveness, r.Innovation, r.CostValue, r.Overall }, s => Assert.InRange(s, 1, 5));
            Assert.Equal($"{r.RatedOn.Year}-Q{((r.RatedOn.Month - 1) / 3) + 1}", r.Period);
            Assert.True(r.RatedOn <= Today);
        });
    }

    [Fact]
    public void Contracts_have_consistent_dates_values_and_suppliers()
    {
        var links = demo.CategorySuppliers.Select(l => (l.SupplierId, l.CategoryId)).ToHashSet();
        Assert.All(demo.Contracts, c =>
        {
            Assert.True(c.EndDate >= c.StartDate, c.Number);
            Assert.Contains((c.SupplierId, c.CategoryId), links);
            Assert.True(c.TotalValue >= c.AnnualValue && c.AnnualValue > 0, c.Number);
            Assert.Equal(3, c.OriginalCurrency.Length);
        });
        Assert.Equal(demo.Contracts.Count, demo.Contracts.Select(c => c.Number).Distinct().Count());
        Assert.True(demo.Contracts.Count(c => c.BaselineAnnualCost > c.AnnualValue) > demo.Contracts.Count * 0.7, "most contracts save money");
        Assert.Contains(demo.Contracts, c => c.Status == ContractStatus.Expired && c.EndDate < Today);
        Assert.True(demo.Contracts.Count(c => c.Status == ContractStatus.Active) > demo.Contracts.Count / 2, "most contracts are active");
    }

    [Fact]
    public void A_good_number_of_active_contracts_expire_within_ninety_days()
    {
        var expiring = demo.Contracts.Count(c => c.Status == ContractStatus.Active && c.EndDate >= Today && c.EndDate <= Today.AddDays(90));
        Assert.True(expiring >= 50, $"{expiring} contracts expire within 90 days");
    }

    [Fact]
    public void Categories_form_a_three_level_tree_with_dotted_codes()
    {
        var byId = demo.Categories.ToDictionary(c => c.Id);
        Assert.All(demo.Categories, c =>
        {
            Assert.InRange(c.Level, 1, 3);
            if (c.ParentId is { } parentId)
            {
                Assert.Equal(byId[parentId].Level + 1, c.Level);
                Assert.StartsWith(byId[parentId].Code + ".", c.Code, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(1, c.Level);
                Assert.DoesNotContain('.', c.Code);
            }
        });
        Assert.Equal(8, demo.Categories.Count(c => c.Level == 1));
        Assert.Contains(demo.Categories, c => c.Code == "IT.SW.SAAS");
    }

    [Fact]
    public void Ratings_are_consistent_with_their_contract_and_supplier()
    {
        var contracts = demo.Contracts.ToDictionary(c => c.Id);
        var categoriesOf = demo.CategorySuppliers.ToLookup(l => l.SupplierId, l => l.CategoryId);
        Assert.All(demo.Ratings, r =>
        {
            if (r.ContractId is { } contractId)
            {
                Assert.Equal(contracts[contractId].SupplierId, r.SupplierId);
                Assert.Equal(contracts[contractId].CategoryId, r.CategoryId);
                Assert.InRange(r.RatedOn, contracts[contractId].StartDate, contracts[contractId].EndDate);
            }
            else if (r.CategoryId is { } categoryId)
            {
                Assert.Contains(categoryId, categoriesOf[r.SupplierId]);
            }
        });
    }

    [Fact]
    public void Riskier_suppliers_are_rated_lower()
    {
        var risk = demo.Suppliers.ToDictionary(s => s.Id, s => s.RiskLevel);
        var average = demo.Ratings.GroupBy(r => risk[r.SupplierId]).ToDictionary(g => g.Key, g => g.Average(r => r.Overall));
        Assert.True(average[RiskLevel.Low] > average[RiskLevel.High] && average[RiskLevel.High] > average[RiskLevel.Critical]);
    }

    [Fact]
    public void Suppliers_come_from_many_countries_and_most_are_active()
    {
        Assert.True(demo.Suppliers.Select(s => s.Country).Distinct().Count() >= 15);
        Assert.All(demo.Suppliers, s => Assert.Matches("^[A-Z]{2}$", s.Country));
        Assert.True(demo.Suppliers.Count(s => s.Status == SupplierStatus.Active) > demo.Suppliers.Count / 2);
        Assert.Equal(Enum.GetValues<RiskLevel>().Order(), demo.Suppliers.Select(s => s.RiskLevel).Distinct().Order());
        Assert.Equal(demo.Suppliers.Count, demo.Suppliers.Select(s => s.RegistrationNumber).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(demo.CategorySuppliers.GroupBy(l => l.SupplierId), g => Assert.InRange(g.Count(), 1, 3));
        Assert.Contains(demo.CategorySuppliers, l => l.IsPreferred);
    }

    [Fact]
    public void Goals_cover_every_theme_and_link_to_categories_with_valid_weights()
    {
        Assert.Equal(Enum.GetValues<GoalTheme>().Order(), demo.Goals.Select(g => g.Theme).Distinct().Order());
        Assert.All(demo.GoalCategories, l => Assert.InRange(l.Weight, 0.0001m, 1m));
        Assert.All(demo.Goals, g => Assert.Contains(demo.GoalCategories, l => l.GoalId == g.Id));
        Assert.StartsWith("SG-2026-", demo.Goals[0].Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_read_back_through_ef_equal_what_the_generator_produced()
    {
        var generator = new SeedDataGenerator(SeedSize.Demo, Today);
        Assert.Equal(EntityText.Of(generator.Goals()), EntityText.Of(demo.Goals));
        Assert.Equal(EntityText.Of(generator.Categories()), EntityText.Of(demo.Categories));
        Assert.Equal(EntityText.Of(generator.GoalCategories()), EntityText.Of(demo.GoalCategories));
        Assert.Equal(EntityText.Of(generator.BusinessUnits()), EntityText.Of(demo.BusinessUnits));
        Assert.Equal(EntityText.Of(generator.ValueDrivers()), EntityText.Of(demo.ValueDrivers));
        Assert.Equal(EntityText.Of(generator.Suppliers()), EntityText.Of(demo.Suppliers));
        Assert.Equal(EntityText.Of(generator.CategorySuppliers().OrderBy(l => l.SupplierId).ThenBy(l => l.CategoryId)), EntityText.Of(demo.CategorySuppliers));
        Assert.Equal(EntityText.Of(generator.Contracts()), EntityText.Of(demo.Contracts));
        Assert.Equal(EntityText.Of(generator.Ratings()), EntityText.Of(demo.Ratings));
    }
}
