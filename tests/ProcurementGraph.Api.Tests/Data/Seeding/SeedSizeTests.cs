using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

public class SeedSizeTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("DEMO")]
    [InlineData(" Demo ")]
    public void Parses_demo_case_insensitively(string text) => Assert.Same(SeedSize.Demo, SeedSize.Parse(text));

    [Fact]
    public void Parses_large() => Assert.Same(SeedSize.Large, SeedSize.Parse("Large"));

    [Theory]
    [InlineData("huge")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_unknown_names_with_a_clear_message(string? text)
    {
        Assert.False(SeedSize.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => SeedSize.Parse(text));
        Assert.Contains("demo, large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_match_the_brief()
    {
        Assert.Equal((12, 60, 12, 500, 2_000, 10_000), Shape(SeedSize.Demo));
        Assert.Equal((12, 80, 12, 100_000, 400_000, 1_000_000), Shape(SeedSize.Large));
    }

    private static (int, int, int, int, int, int) Shape(SeedSize s) => (s.Goals, s.Categories, s.BusinessUnits, s.Suppliers, s.Contracts, s.Ratings);
}
