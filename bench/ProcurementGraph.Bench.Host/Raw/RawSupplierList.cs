using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// <c>supplierList</c> (and <c>deepPage</c>, with <c>after</c>) by hand: German active suppliers by name, 50 per page,
/// keyset on (name, id) and a COUNT for <c>totalCount</c>.
/// </summary>
internal static class RawSupplierList
{
    private const int PageSize = 50;

    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>>> HandleAsync(
        RawRequest request, [FromServices] ProcurementDbContext db, CancellationToken cancellationToken)
    {
        var suppliers = db.Suppliers.AsNoTracking().Where(s => s.Country == "DE" && s.Status == SupplierStatus.Active);
        var page = suppliers;
        if (request.After is { } after)
        {
            if (RawIds.NameIdCursor(after) is not var (name, id))
            {
                return TypedResults.BadRequest("invalid cursor");
            }

            // string.Compare is what EF Core translates to SQL (the column's NOCASE collation applies); never run in memory.
#pragma warning disable CA1309
            page = page.Where(s => string.Compare(s.Name, name) > 0 || (s.Name == name && s.Id > id));
#pragma warning restore CA1309
        }

        var totalCount = await suppliers.CountAsync(cancellationToken).ConfigureAwait(false);
        var nodes = await page
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Take(PageSize)
            .Select(s => new
            {
                id = RawIds.GlobalId("Supplier", s.Id),
                name = s.Name,
                country = s.Country,
                status = s.Status,
                riskLevel = s.RiskLevel,
                city = s.City,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json<object>(new { data = new { suppliers = new { totalCount, nodes } } }, RawJson.Options);
    }
}
