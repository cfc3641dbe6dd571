using Bogus;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// Deterministic randomness for the generator. Every table draws from its own stream, so the
/// rows of one table never depend on how far another table has been enumerated. Only exact
/// IEEE arithmetic is used on doubles (no Exp/Log/Sin), so results do not vary by platform.
/// </summary>
internal static class SeedRandom
{
    public const int CategoryStream = 1;
    public const int GoalStream = 2;
    public const int GoalLinkStream = 3;
    public const int UnitStream = 4;
    public const int SupplierPlanStream = 5;
    public const int SupplierStream = 6;
    public const int CategorySupplierStream = 7;
    public const int ContractPlanStream = 8;
    public const int ContractStream = 9;
    public const int RatingStream = 10;

    /// <summary>A fresh randomizer for one stream of one seed (never the global Randomizer.Seed).</summary>
    public static Randomizer Stream(int seed, int stream) => new(unchecked((seed * 7_919) + (stream * 104_729) + 17));

    /// <summary>A Bogus faker in the given locale drawing from <paramref name="random"/>.</summary>
    public static Faker Faker(Randomizer random, string locale = "en") => new(locale) { Random = random };

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public static int WeightedIndex(this Randomizer random, ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var ticket = random.Number(0, total - 1);
        for (var i = 0; i < weights.Length; i++)
        {
            ticket -= weights[i];
            if (ticket < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A uniformly random item of a non-empty list.</summary>
    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items) => items[random.Number(0, items.Count - 1)];

    /// <summary>Triangular noise in (-spread, spread), centred on 0.</summary>
    public static double Noise(this Randomizer random, double spread) => (random.Double() + random.Double() - 1d) * spread;

    /// <summary>A uniformly random day between two dates, inclusive.</summary>
    public static DateOnly Between(this Randomizer random, DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(random.Number(from.DayNumber, to.DayNumber));

    /// <summary>A deterministic concurrency stamp for a seeded row that draws nothing from the random streams (so adding it changed no other value).</summary>
    public static Guid Stamp(string table, int id) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{table}:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}")).AsSpan(0, 16));

    /// <summary>An integer score 1..5 nearest to <paramref name="value"/>.</summary>
    public static int Score(double value) => Math.Clamp((int)Math.Round(value, MidpointRounding.AwayFromZero), 1, 5);

    /// <summary>Money rounded to cents.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rounds positive shares to 4 decimals that sum to exactly 1.0000, each at least 0.0001;
    /// the rounding remainder goes to the largest share.
    /// </summary>
    public static decimal[] Normalize(IReadOnlyList<double> shares)
    {
        var total = shares.Sum();
        var result = shares.Select(s => Math.Max(0.0001m, Math.Round((decimal)(s / total), 4, MidpointRounding.AwayFromZero))).ToArray();
        var largest = Array.IndexOf(result, result.Max());
        result[largest] += 1m - result.Sum();
        return result;
    }
}
