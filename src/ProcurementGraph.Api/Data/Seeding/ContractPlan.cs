using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// Who each contract is with, in which category, for which unit, its status and term, in compact
/// arrays indexed by contract id (ratings refer back to them). A few suppliers get many contracts.
/// </summary>
internal sealed class ContractPlan
{
    private static readonly int[] StatusWeights = [0, 9, 68, 18, 5]; // by ContractStatus
    private static readonly int[] TermYears = [1, 2, 3, 5];
    private static readonly int[] TermWeights = [25, 25, 35, 15];

    private ContractPlan(int count)
    {
        Count = count;
        Supplier = new int[count + 1];
        Category = new int[count + 1];
        Owner = new int[count + 1];
        Status = new ContractStatus[count + 1];
        StartDay = new int[count + 1];
        EndDay = new int[count + 1];
    }

    public int Count { get; }

    public int[] Supplier { get; }

    public int[] Category { get; }

    public int[] Owner { get; }

    public ContractStatus[] Status { get; }

    public int[] StartDay { get; }

    public int[] EndDay { get; }

    public static ContractPlan Build(int count, SupplierPlan suppliers, CategoryTree tree, BusinessUnitSet units, DateOnly referenceDate, int seed)
    {
        var random = SeedRandom.Stream(seed, SeedRandom.ContractPlanStream);
        var all = Enumerable.Range(1, suppliers.Count).ToArray();
        var established = OrAll(all.Where(suppliers.IsEstablished).ToArray(), all);
        var active = OrAll(all.Where(s => suppliers.Status[s] == SupplierStatus.Active).ToArray(), established);
        var onboarding = all.Where(s => suppliers.Status[s] == SupplierStatus.Onboarding).ToArray();

        // Skewed draw over a shuffled order: the first suppliers in it win far more contracts.
        var skewed = random.Shuffle(established).ToArray();
        var plan = new ContractPlan(count);
        var today = referenceDate.DayNumber;
        for (var id = 1; id <= count; id++)
        {
            var status = (ContractStatus)random.WeightedIndex(StatusWeights);
            var u = random.Double();
            var supplier = status != ContractStatus.Draft ? skewed[(int)(u * Math.Sqrt(u) * skewed.Length)]
                : onboarding.Length > 0 && random.Bool(0.3f) ? random.ArrayElement(onboarding) : random.ArrayElement(active);
            var offboarded = suppliers.Status[supplier] == SupplierStatus.Offboarded;
            status = offboarded && status == ContractStatus.Active ? ContractStatus.Expired : status;

            var categories = suppliers.CategoriesOf(supplier);
            var category = categories[random.Number(0, categories.Length - 1)];
            var buyers = units.BuyersByRootCode[tree.RootTemplateOf(category).Segment];
            var owner = random.Bool(0.7f) ? random.ArrayElement(buyers) : random.Number(1, units.Units.Count);

            var years = TermYears[random.WeightedIndex(TermWeights)];
            var start = status switch
            {
                ContractStatus.Draft => today + random.Number(14, 120),
                ContractStatus.Active => today - random.Number(30, (years * 365) - 1),
                ContractStatus.Expired => DateOnly.FromDayNumber(today - random.Number(1, 3 * 365)).AddDays(1).AddYears(-years).DayNumber,
                _ => today - random.Number(180, (years + 1) * 365),
            };

            // No contract starts before its supplier was onboarded: move the term forward instead.
            var onboarded = suppliers.OnboardedDay[supplier];
            if (status != ContractStatus.Draft && onboarded > start)
            {
                start = onboarded + random.Number(0, 30);
            }

            var end = DateOnly.FromDayNumber(start).AddYears(years).AddDays(-1).DayNumber;
            if (status == ContractStatus.Expired && end >= today)
            {
                status = offboarded ? ContractStatus.Terminated : ContractStatus.Active;
            }

            plan.Supplier[id] = supplier;
            plan.Category[id] = category;
            plan.Owner[id] = owner;
            plan.Status[id] = status;
            plan.StartDay[id] = start;
            plan.EndDay[id] = end;
        }

        return plan;
    }

    private static int[] OrAll(int[] candidates, int[] fallback) => candidates.Length > 0 ? candidates : fallback;
}
