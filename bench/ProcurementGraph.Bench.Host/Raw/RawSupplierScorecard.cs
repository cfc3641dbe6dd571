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
                ratingSummary = new
                {
                    count = s.Ratings.Count(),
                    averageOverall = s.Ratings.Average(r => (double?)r.Overall),
                    averageQuality = s.Ratings.Average(r => (double?)r.Quality),
                    averageDelivery = s.Ratings.Average(r => (double?)r.Delivery),
                    averageValueWeightedScore = s.Ratings.Count() == 0 ? null : (double?)(s.Ratings
                        .SelectMany(r => r.BusinessUnit.ValueDrivers, (r, d) => (double)d.Weight * (
                            d.Driver == ValueDriverKind.Quality ? r.Quality
                            : d.Driver == ValueDriverKind.Delivery ? r.Delivery
                            : d.Driver == ValueDriverKind.Responsiveness ? r.Responsiveness
                            : d.Driver == ValueDriverKind.Innovation ? r.Innovation
                            : r.CostValue))
                        .Sum() / s.Ratings.Count()),
                    lastRatedOn = s.Ratings.Max(r => (DateOnly?)r.RatedOn),
                },
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json<object>(new { data = new { supplier } }, RawJson.Options);
    }
}
