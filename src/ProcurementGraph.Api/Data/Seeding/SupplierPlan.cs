using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// The few facts about every supplier that other tables depend on (country, status, risk,
/// onboarding date, leaf categories, a hidden performance offset), kept in compact arrays
/// indexed by supplier id so that even the large size needs only a few megabytes.
/// </summary>
internal sealed class SupplierPlan
{
    public const int MaxCategories = 3;

    private static readonly int[] StatusWeights = [0, 7, 8, 72, 5, 8]; // by SupplierStatus
    private static readonly int[] RiskWeights = [0, 45, 35, 15, 5]; // by RiskLevel
    private static readonly int[] EmergingRiskWeights = [0, 30, 40, 22, 8];
    private static readonly int[] CategoryCountWeights = [0, 65, 25, 10];

    private SupplierPlan(int count)
    {
        Count = count;
        Country = new byte[count + 1];
        Status = new SupplierStatus[count + 1];
        Risk = new RiskLevel[count + 1];
        OnboardedDay = new int[count + 1];
        Performance = new sbyte[count + 1];
        CategoryCount = new byte[count + 1];
        Categories = new int[(count + 1) * MaxCategories];
    }

    public int Count { get; }

    public byte[] Country { get; }

    public SupplierStatus[] Status { get; }

    public RiskLevel[] Risk { get; }

    /// <summary>Day number of the onboarding date; 0 when the supplier has not been onboarded.</summary>
    public int[] OnboardedDay { get; }

    /// <summary>How much better or worse than its risk level suggests the supplier performs, in tenths of a score point.</summary>
    public sbyte[] Performance { get; }

    public byte[] CategoryCount { get; }

    private int[] Categories { get; }

    public ReadOnlySpan<int> CategoriesOf(int id) => Categories.AsSpan(id * MaxCategories, CategoryCount[id]);

    public bool IsEstablished(int id) => Status[id] is SupplierStatus.Active or SupplierStatus.Suspended or SupplierStatus.Offboarded;

    public static SupplierPlan Build(int count, CategoryTree tree, DateOnly referenceDate, int seed)
    {
        var random = SeedRandom.Stream(seed, SeedRandom.SupplierPlanStream);
        var plan = new SupplierPlan(count);
        for (var id = 1; id <= count; id++)
        {
            var country = random.WeightedIndex(SupplierCountries.Weights);
            plan.Country[id] = (byte)country;
            plan.Status[id] = (SupplierStatus)random.WeightedIndex(StatusWeights);
            plan.Risk[id] = (RiskLevel)random.WeightedIndex(SupplierCountries.All[country].Emerging ? EmergingRiskWeights : RiskWeights);
            plan.Performance[id] = (sbyte)random.Number(-6, 6);
            plan.OnboardedDay[id] = plan.IsEstablished(id) ? referenceDate.DayNumber - random.Number(400, 15 * 365) : 0;

            // A primary leaf, then more leaves mostly from the same root (a steel mill also sells aluminium).
            var categories = plan.Categories.AsSpan(id * MaxCategories, MaxCategories);
            var wanted = random.WeightedIndex(CategoryCountWeights);
            categories[0] = random.ArrayElement(tree.LeafIds);
            var taken = 1;
            for (var attempt = 0; taken < wanted && attempt < 10; attempt++)
            {
                var pool = random.Bool(0.7f) ? tree.LeavesByRoot[tree.RootOf(categories[0])] : tree.LeafIds;
                var candidate = random.ArrayElement(pool);
                if (!categories[..taken].Contains(candidate))
                {
                    categories[taken++] = candidate;
                }
            }

            plan.CategoryCount[id] = (byte)taken;
        }

        return plan;
    }
}
