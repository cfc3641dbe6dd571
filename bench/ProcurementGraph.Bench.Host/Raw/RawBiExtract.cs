using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary><c>biExtract</c> by hand: contracts by id, 1,000 per page after an <c>[id]</c> cursor, one row more to know whether a next page exists.</summary>
internal static class RawBiExtract
{
    private const int PageSize = 1000;

    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>>> HandleAsync(
        RawRequest request, [FromServices] ProcurementDbContext db, CancellationToken cancellationToken)
    {
        var contracts = db.Contracts.AsNoTracking();
        if (request.After is { } after)
        {
            if (RawIds.IdCursor(after) is not { } afterId)
            {
                return TypedResults.BadRequest("invalid cursor");
            }

            contracts = contracts.Where(c => c.Id > afterId);
        }

        var rows = await contracts
            .OrderBy(c => c.Id)
            .Take(PageSize + 1)
            .Select(c => new
            {
                Key = c.Id,
                Node = new
                {
                    id = RawIds.GlobalId("Contract", c.Id),
                    number = c.Number,
                    status = c.Status,
                    startDate = c.StartDate,
                    endDate = c.EndDate,
                    annualValue = c.AnnualValue,
                    supplier = new { name = c.Supplier.Name },
                    category = new { code = c.Category.Code },
                },
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var count = Math.Min(rows.Count, PageSize);
        var pageInfo = new { hasNextPage = rows.Count > PageSize, endCursor = count == 0 ? null : RawIds.Cursor(rows[count - 1].Key) };
        var nodes = rows.Take(count).Select(r => r.Node);
        return TypedResults.Json<object>(new { data = new { contracts = new { nodes, pageInfo } } }, RawJson.Options);
    }
}
