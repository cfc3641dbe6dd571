using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// <c>supplierScorecard</c> by hand, in one query: the supplier, its 20 latest-ending contracts (end date descending, then id)
/// with their category's name, the categories it is approved in (by category id) and its rating summary computed as the
/// graph's <c>RatingSummary</c> defines it.
/// </summary>
internal static class RawSupplierScorecard
{
    private const int ContractCount = 20;

    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>>> HandleAsync(
        RawRequest request, [FromServices] ProcurementDbContext db, CancellationToken cancellationToken)
    {
        if (request.Id is null || RawIds.KeyOf("Supplier", request.Id) is not { } key)
        {
            return TypedResults.BadRequest("invalid id");
        }

        var supplier = await db.Suppliers.AsNoTracking()
            .Where(s => s.Id == key)
            .Select(s => new
            {
                id = RawIds.GlobalId("Supplier", s.Id),
                name = s.Name,
                country = s.Country,
                status = s.Status,
                riskLevel = s.RiskLevel,
                activeContractValue = s.Contracts.Where(c => c.Status == ContractStatus.Active).Sum(c => c.AnnualValue),
                contracts = new
                {
                    nodes = s.Contracts
                        .Where(c => c.SupplierId == key) // repeats the correlation so SQLite numbers only this supplier's rows
                        .OrderByDescending(c => c.EndDate).ThenBy(c => c.Id)
                        .Take(ContractCount)
                        .Select(c => new
                        {
                            id = RawIds.GlobalId("Contract", c.Id),
                            number = c.Number,
                            title = c.Title,
                            status = c.Status,
                            endDate = c.EndDate,
                            annualValue = c.AnnualValue,
                            // A scalar subquery: a navigation below Take would need APPLY, which SQLite lacks.
                            category = new { name = db.Categories.Where(k => k.Id == c.CategoryId).Select(k => k.Name).First() },
                        })
                        .ToList(),
                },
                categories = s.Categories
                    .Where(l => l.SupplierId == key)
                    .OrderBy(l => l.CategoryId)
                    .Select(l => new { isPreferred = l.IsPreferred, since = l.Since, category = new { code = l.Category.Code, name = l.Category.Name } })
                    .ToList(),
                // From the trigger-kept rating totals per business unit, as the product reads them (Data/Rollups/AnalyticsRollupSql.cs).
                ratingSummary = new
                {
                    count = s.RatingTotals.Sum(t => t.RatingCount),
                    averageOverall = s.RatingTotals.Sum(t => t.RatingCount) == 0 ? null : (double?)s.RatingTotals.Sum(t => t.OverallSum) / s.RatingTotals.Sum(t => t.RatingCount),
                    averageQuality = s.RatingTotals.Sum(t => t.RatingCount) == 0 ? null : (double?)s.RatingTotals.Sum(t => t.QualitySum) / s.RatingTotals.Sum(t => t.RatingCount),
                    averageDelivery = s.RatingTotals.Sum(t => t.RatingCount) == 0 ? null : (double?)s.RatingTotals.Sum(t => t.DeliverySum) / s.RatingTotals.Sum(t => t.RatingCount),
                    averageValueWeightedScore = s.RatingTotals.Sum(t => t.RatingCount) == 0 ? null : (double?)(s.RatingTotals
                        .SelectMany(t => t.BusinessUnit.ValueDrivers, (t, d) => (double)d.Weight * (
                            d.Driver == ValueDriverKind.Quality ? t.QualitySum
                            : d.Driver == ValueDriverKind.Delivery ? t.DeliverySum
                            : d.Driver == ValueDriverKind.Responsiveness ? t.ResponsivenessSum
                            : d.Driver == ValueDriverKind.Innovation ? t.InnovationSum
                            : t.CostValueSum))
                        .Sum() / s.RatingTotals.Sum(t => t.RatingCount)),
                    lastRatedOn = s.RatingTotals.Max(t => (DateOnly?)t.LastRatedOn),
                },
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json<object>(new { data = new { supplier } }, RawJson.Options);
    }
}
