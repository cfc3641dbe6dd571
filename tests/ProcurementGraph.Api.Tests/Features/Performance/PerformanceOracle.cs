using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Features.Performance;

/// <summary>One expected row of <c>categoryPerformance</c> or <c>businessUnitPerformance</c>.</summary>
public sealed record PerformanceRow(
    int Key, string Period, int RatingCount, double Score, double? PreviousScore, int ContractCount, decimal Savings, decimal Baseline)
{
    public double? ScoreTrend => PreviousScore is { } previous ? Score - previous : null;

    public double? SavingsPercent => Baseline == 0 ? null : (double)(Savings / Baseline);

    public double? ValueGap => SavingsPercent is { } percent ? Math.Max(percent, 0) * (5 - Score) / 4 : null;

    /// <summary>The view's key: the dimension's ID × 100,000 + year × 4 + quarter − 1 (the default order and the tie-breaker).</summary>
    public long Id => (Key * 100_000L) + PerformanceOracle.QuarterOf(Period);
}

/// <summary>
/// The performance figures computed in the test, from the base tables only (ratings, contracts, value drivers), by the
/// formulas of the README: nothing of the rollup tables or the views.
/// </summary>
public static class PerformanceOracle
{
    public static int QuarterOf(string period) => (int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture) * 4) + (period[6] - '1');

    public static string PeriodOf(int quarter) => $"{quarter / 4}-Q{(quarter % 4) + 1}";

    /// <summary>Per category (<paramref name="byCategory"/>) or per business unit, and quarter with ratings.</summary>
    public static async Task<List<PerformanceRow>> LoadAsync(string databasePath, bool byCategory)
    {
        await using var db = TestDatabase.Open(databasePath);
        var weights = (await db.Set<ValueDriver>().AsNoTracking().ToListAsync())
            .GroupBy(d => d.BusinessUnitId).ToDictionary(g => g.Key, g => g.ToList());
        var ratings = await db.Set<StakeholderRating>().AsNoTracking()
            .Select(r => new { r.CategoryId, r.BusinessUnitId, r.Period, r.Quality, r.Delivery, r.Responsiveness, r.Innovation, r.CostValue })
            .ToListAsync();
        var contracts = await db.Set<Contract>().AsNoTracking()
            .Where(c => c.Status == ContractStatus.Active || c.Status == ContractStatus.Expired)
            .Select(c => new { c.CategoryId, c.OwnerId, c.StartDate, c.EndDate, c.AnnualValue, c.BaselineAnnualCost })
            .ToListAsync();

        // The rating's valueWeightedScore: Σ weight × the driver's score, by the unit's current drivers.
        decimal Weighted(int unit, int quality, int delivery, int responsiveness, int innovation, int cost) =>
            weights.GetValueOrDefault(unit, []).Sum(d => d.Weight * d.Driver switch
            {
                ValueDriverKind.Quality => quality,
                ValueDriverKind.Delivery => delivery,
                ValueDriverKind.Responsiveness => responsiveness,
                ValueDriverKind.Innovation => innovation,
                _ => cost,
            });

        var groups = ratings
            .Where(r => !byCategory || r.CategoryId is not null)
            .GroupBy(r => (Key: byCategory ? r.CategoryId!.Value : r.BusinessUnitId, Quarter: QuarterOf(r.Period)))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Score: (double)g.Sum(r => Weighted(r.BusinessUnitId, r.Quality, r.Delivery, r.Responsiveness, r.Innovation, r.CostValue)) / g.Count()));
        var rows = new List<PerformanceRow>();
        foreach (var ((key, quarter), (count, score)) in groups)
        {
            var first = new DateOnly(quarter / 4, ((quarter % 4) * 3) + 1, 1);
            var last = first.AddMonths(3).AddDays(-1);
            var inForce = contracts.Where(c => (byCategory ? c.CategoryId : c.OwnerId) == key && c.StartDate <= last && c.EndDate >= first).ToList();
            double? previous = groups.TryGetValue((key, quarter - 1), out var before) ? before.Score : null;
            rows.Add(new PerformanceRow(key, PeriodOf(quarter), count, score, previous, inForce.Count,
                inForce.Sum(c => c.BaselineAnnualCost - c.AnnualValue), inForce.Sum(c => c.BaselineAnnualCost)));
        }

        return [.. rows.OrderBy(r => r.Id)];
    }
}
