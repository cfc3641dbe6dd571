using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// <c>nodeLookup</c> by hand: a supplier by its global ID with five fields, one query, <c>null</c> when there is none.
/// </summary>
internal static class RawNodeLookup
{
    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>>> HandleAsync(
        RawRequest request, [FromServices] ProcurementDbContext db, CancellationToken cancellationToken)
    {
        if (request.Id is null || RawIds.KeyOf("Supplier", request.Id) is not { } key)
        {
            return TypedResults.BadRequest("invalid id");
        }

        var node = await db.Suppliers.AsNoTracking()
            .Where(s => s.Id == key)
            .Select(s => new
            {
                id = RawIds.GlobalId("Supplier", s.Id),
                name = s.Name,
                country = s.Country,
                status = s.Status,
                riskLevel = s.RiskLevel,
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json<object>(new { data = new { node } }, RawJson.Options);
    }
}
