using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>The generator on its own, without a database.</summary>
public class SeedDataGeneratorTests
{
    private static readonly DateOnly Today = SeedTestDatabase.ReferenceDate;

    [Fact]
    public void Same_seed_size_and_date_give_identical_rows()
    {
        var first = new SeedDataGenerator(SeedSize.Demo, Today);
        var second = new SeedDataGenerator(SeedSize.Demo, Today);
        Assert.Equal(AllRows(first), AllRows(second));
    }

    [Fact]
    public void Streams_restart_identically_and_do_not_depend_on_each_other()
    {
        var generator = new SeedDataGenerator(SeedSize.Demo, Today);
        var ratingsFirst = EntityText.Of(generator.Ratings());
        _ = generator.Suppliers().Count();
        _ = generator.Contracts().Count();
        Assert.Equal(ratingsFirst, EntityText.Of(generator.Ratings()));
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        var one = EntityText.Of(new SeedDataGenerator(SeedSize.Demo, Today, seed: 1).Suppliers().Take(20));
        var two = EntityText.Of(new SeedDataGenerator(SeedSize.Demo, Today, seed: 2).Suppliers().Take(20));
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Dates_follow_the_reference_date_not_the_clock()
    {
        var now = new SeedDataGenerator(SeedSize.Demo, Today).Contracts().First();
        var later = new SeedDataGenerator(SeedSize.Demo, Today.AddYears(3)).Contracts().First();
        Assert.Equal(now.Number, later.Number);
        Assert.NotEqual(now.StartDate, later.StartDate);
        Assert.StartsWith($"SG-{Today.Year + 3}-", new SeedDataGenerator(SeedSize.Demo, Today.AddYears(3)).Goals().First().Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_counts_follow_the_size()
    {
        var generator = new SeedDataGenerator(SeedSize.Demo, Today);
        Assert.Equal(12, generator.Goals().Count());
        Assert.Equal(60, generator.Categories().Count());
        Assert.Equal(12, generator.BusinessUnits().Count());
        Assert.Equal(500, generator.Suppliers().Count());
        Assert.Equal(2_000, generator.Contracts().Count());
        Assert.Equal(10_000, generator.Ratings().Count());
        Assert.InRange(generator.CategorySuppliers().Count(), 500, 1_500);
    }

    [Fact]
    public void Codes_and_numbers_follow_the_conventions()
    {
        var generator = new SeedDataGenerator(SeedSize.Demo, Today);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"SG-2026-{i:D2}"), generator.Goals().Select(g => g.Code));
        Assert.Equal("CT-000777", generator.Contracts().Single(c => c.Id == 777).Number);
        Assert.Contains(generator.Categories(), c => c.Code == "IT.SW.SAAS" && c.Level == 3);
    }

    private static List<string> AllRows(SeedDataGenerator g) =>
    [
        .. EntityText.Of(g.Goals()), .. EntityText.Of(g.Categories()), .. EntityText.Of(g.GoalCategories()),
        .. EntityText.Of(g.BusinessUnits()), .. EntityText.Of(g.ValueDrivers()), .. EntityText.Of(g.Suppliers()),
        .. EntityText.Of(g.CategorySuppliers()), .. EntityText.Of(g.Contracts()), .. EntityText.Of(g.Ratings()),
    ];
}
