using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// Streams stakeholder ratings. Most are given on a contract (same supplier and category, dated
/// within its term, mostly by the owning unit); the rest on a supplier, optionally in one of its
/// categories. Scores follow the supplier's risk and hidden performance, and each unit is stricter
/// on what it values most; the overall score follows the unit's value-driver weights.
/// </summary>
internal sealed class RatingGenerator(int count, ContractPlan contracts, SupplierPlan suppliers, BusinessUnitSet units, DateOnly referenceDate, int seed)
{
    private static readonly double[] RiskBase = [0, 4.0, 3.6, 3.0, 2.4]; // by RiskLevel
    private static readonly double[] DimensionBias = [0, -0.1, 0.1, -0.4, -0.1]; // quality, delivery, responsiveness, innovation, cost

    public IEnumerable<StakeholderRating> Ratings()
    {
        var random = SeedRandom.Stream(seed, SeedRandom.RatingStream);
        var today = referenceDate.DayNumber;
        var rateable = Enumerable.Range(1, contracts.Count).Where(c => contracts.StartDay[c] <= today).ToArray();
        var established = Enumerable.Range(1, suppliers.Count).Where(suppliers.IsEstablished).ToArray();
        var periods = new Dictionary<int, string>();
        var scores = new int[5];
        for (var id = 1; id <= count; id++)
        {
            int supplier, unit, day;
            int? category, contract;
            if (rateable.Length > 0 && (established.Length == 0 || random.Bool(0.65f)))
            {
                var c = random.ArrayElement(rateable);
                (contract, supplier, category) = (c, contracts.Supplier[c], contracts.Category[c]);
                unit = random.Bool(0.75f) ? contracts.Owner[c] : random.Number(1, units.Units.Count);
                var last = Math.Min(contracts.EndDay[c], today);
                var first = Math.Max(contracts.StartDay[c], today - (3 * 365));
                day = random.Number(first <= last ? first : contracts.StartDay[c], last);
            }
            else
            {
                supplier = established.Length > 0 ? random.ArrayElement(established) : random.Number(1, suppliers.Count);
                var own = suppliers.CategoriesOf(supplier);
                category = random.Bool(0.6f) ? own[random.Number(0, own.Length - 1)] : null;
                contract = null;
                unit = random.Number(1, units.Units.Count);
                day = random.Number(Math.Min(today, Math.Max(suppliers.OnboardedDay[supplier], today - 730)), today);
            }

            var weights = units.Weights[unit];
            var level = RiskBase[(int)suppliers.Risk[supplier]] + (suppliers.Performance[supplier] / 10.0)
                - (suppliers.Status[supplier] == SupplierStatus.Suspended ? 0.4 : 0);
            var weighted = 0.0;
            for (var d = 0; d < 5; d++)
            {
                var weight = weights[d + 1];
                scores[d] = SeedRandom.Score(level + DimensionBias[d] - (weight - 0.2) + random.Noise(1.6));
                weighted += weight * scores[d];
            }

            var overall = SeedRandom.Score(weighted + random.Noise(0.8));
            var (name, email) = random.ArrayElement(units.Raters[unit]);
            var ratedOn = DateOnly.FromDayNumber(day);
            var quarter = (ratedOn.Year * 4) + ((ratedOn.Month - 1) / 3);
            if (!periods.TryGetValue(quarter, out var period))
            {
                periods[quarter] = period = $"{ratedOn.Year}-Q{((ratedOn.Month - 1) / 3) + 1}";
            }

            yield return new StakeholderRating
            {
                Id = id,
                Version = SeedRandom.Version("StakeholderRatings", id),
                SupplierId = supplier,
                BusinessUnitId = unit,
                CategoryId = category,
                ContractId = contract,
                RaterName = name,
                RaterEmail = email,
                RatedOn = ratedOn,
                Period = period,
                Quality = scores[0],
                Delivery = scores[1],
                Responsiveness = scores[2],
                Innovation = scores[3],
                CostValue = scores[4],
                Overall = overall,
                Comment = random.Bool(0.35f) ? RatingComments.For(overall, IndexOf(scores, scores.Max()), IndexOf(scores, scores.Min()), random) : null,
            };
        }
    }

    private static int IndexOf(int[] scores, int value) => Array.IndexOf(scores, value);
}
