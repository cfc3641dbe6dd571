using System.Diagnostics.CodeAnalysis;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// How much data the generator produces. <see cref="Demo"/> is the small embedded demo,
/// <see cref="Large"/> the benchmark size. Goals, categories and business units keep the same
/// shape in both; the volume tables (suppliers, contracts, ratings) grow.
/// </summary>
/// <param name="Name">The name used on the command line and in configuration ("demo", "large").</param>
/// <param name="Goals">Strategic goals.</param>
/// <param name="Categories">Categories in the three-level tree (at least the 26 roots and sub-categories, at most 80).</param>
/// <param name="BusinessUnits">Business units (internal customers).</param>
/// <param name="Suppliers">Suppliers.</param>
/// <param name="Contracts">Contracts.</param>
/// <param name="Ratings">Stakeholder ratings.</param>
public sealed record SeedSize(string Name, int Goals, int Categories, int BusinessUnits, int Suppliers, int Contracts, int Ratings)
{
    /// <summary>The embedded demo: small enough to seed in well under a second.</summary>
    public static SeedSize Demo { get; } = new("demo", Goals: 12, Categories: 60, BusinessUnits: 12, Suppliers: 500, Contracts: 2_000, Ratings: 10_000);

    /// <summary>The benchmark size: 100k suppliers, 400k contracts, 1M ratings.</summary>
    public static SeedSize Large { get; } = new("large", Goals: 12, Categories: 80, BusinessUnits: 12, Suppliers: 100_000, Contracts: 400_000, Ratings: 1_000_000);

    /// <summary>The named sizes, in the order they are offered.</summary>
    public static IReadOnlyList<SeedSize> Named { get; } = [Demo, Large];

    /// <summary>Finds a named size ("demo" or "large", case-insensitive).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SeedSize? size)
    {
        size = Named.FirstOrDefault(s => string.Equals(s.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return size is not null;
    }

    /// <summary>Finds a named size ("demo" or "large", case-insensitive).</summary>
    /// <exception cref="FormatException">The text names no size.</exception>
    public static SeedSize Parse(string? text) => TryParse(text, out var size)
        ? size
        : throw new FormatException($"Unknown seed size '{text}'; use one of: {string.Join(", ", Named.Select(s => s.Name))}.");

    public override string ToString() => Name;
}
