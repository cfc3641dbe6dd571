using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Security;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// <c>submitRatings</c> by hand, as a careful EF Core developer would write it: the rater's role and business unit from
/// the token, each item's values checked, one query per kind of reference (the unit, the suppliers, the categories, the
/// contracts with their supplier), then in one transaction <c>AddRange</c> + <c>SaveChanges</c> for the ratings and one
/// for their audit rows (they need the generated keys). All or nothing, as the graph's default. Answers the graph's JSON
/// for <c>stakeholderRatings { id version } errors { __typename ... on Error { message } }</c>.
/// </summary>
internal static partial class RawSubmitRatings
{
    private const int MaxBatchSize = 1000;

    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>, ForbidHttpResult>> HandleAsync(
        RawSubmitRatingsRequest request, ClaimsPrincipal user, [FromServices] ProcurementDbContext db,
        [FromServices] IOptions<SecurityOptions> security, CancellationToken cancellationToken)
    {
        var caller = ProcurementCaller.From(user, security.Value);
        if (!caller.Roles.Contains(ProcurementRoles.Rater, StringComparer.Ordinal) || caller.IsPartner || caller.BusinessUnit is null)
        {
            return TypedResults.Forbid();
        }

        if (request.Input?.Ratings is not { Count: > 0 and <= MaxBatchSize } items)
        {
            return TypedResults.BadRequest("1 to 1,000 ratings");
        }

        var errors = new List<Dictionary<string, string>>();
        var drafts = new List<(int Supplier, int? Category, int? Contract, RawRatingItem Item)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var supplier = item.SupplierId is { } s ? RawIds.KeyOf("Supplier", s) : null;
            var category = item.CategoryId is { } c ? RawIds.KeyOf("Category", c) : null;
            var contract = item.ContractId is { } k ? RawIds.KeyOf("Contract", k) : null;
            int?[] scores = [item.Quality, item.Delivery, item.Responsiveness, item.Innovation, item.CostValue, item.Overall];
            if (supplier is null || (item.CategoryId is not null && category is null) || (item.ContractId is not null && contract is null)
                || item.BusinessUnitId is not null
                || item.Period is null || !Period().IsMatch(item.Period)
                || scores.Any(v => v is not (>= 1 and <= 5))
                || item.Comment is { Length: > 2000 })
            {
                errors.Add(Error("ValidationError", $"`ratings[{i}]` is invalid."));
                continue;
            }

            drafts.Add((supplier.Value, category, contract, item));
        }

        var unitCode = caller.BusinessUnit;
        var unit = await db.BusinessUnits.AsNoTracking().Where(b => b.Code == unitCode).Select(b => (int?)b.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var supplierIds = drafts.Select(d => d.Supplier).Distinct().ToList();
        var categoryIds = drafts.Select(d => d.Category).OfType<int>().Distinct().ToList();
        var contractIds = drafts.Select(d => d.Contract).OfType<int>().Distinct().ToList();
        var suppliers = (await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).Select(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var categories = categoryIds.Count == 0 ? [] : (await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).Select(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var contracts = contractIds.Count == 0 ? [] : await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Select(c => new { c.Id, c.SupplierId }).ToDictionaryAsync(c => c.Id, c => c.SupplierId, cancellationToken).ConfigureAwait(false);
        if (unit is null)
        {
            errors.Add(Error("ValidationError", "Your token names no business unit."));
        }

        foreach (var draft in drafts)
        {
            if (!suppliers.Contains(draft.Supplier) || (draft.Category is { } c && !categories.Contains(c))
                || (draft.Contract is { } k && (!contracts.TryGetValue(k, out var owner) || owner != draft.Supplier)))
            {
                errors.Add(Error("NotFoundError", "A rated supplier, category or contract was not found."));
            }
        }

        if (errors.Count > 0)
        {
            return Answer(null, errors);
        }

        var today = ReportingDate.Today;
        var name = Fit(caller.Name ?? "unknown", 200);
        var email = Fit(user.FindFirst("email")?.Value ?? name, 254);
        var ratings = drafts.ConvertAll(d => new StakeholderRating
        {
            SupplierId = d.Supplier,
            BusinessUnitId = unit!.Value,
            CategoryId = d.Category,
            ContractId = d.Contract,
            RaterName = name,
            RaterEmail = email,
            RatedOn = today,
            Period = d.Item.Period!,
            Quality = d.Item.Quality!.Value,
            Delivery = d.Item.Delivery!.Value,
            Responsiveness = d.Item.Responsiveness!.Value,
            Innovation = d.Item.Innovation!.Value,
            CostValue = d.Item.CostValue!.Value,
            Overall = d.Item.Overall!.Value,
            Comment = d.Item.Comment,
        });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        db.StakeholderRatings.AddRange(ratings);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var audit = RawAudit.Of(user, security.Value, "submitRatings");
        db.AuditEntries.AddRange(ratings.Select(r => audit.Created("StakeholderRating", r.Id, new Dictionary<string, object?>
        {
            ["supplierId"] = r.SupplierId, ["businessUnitId"] = r.BusinessUnitId, ["categoryId"] = r.CategoryId, ["contractId"] = r.ContractId,
            ["raterName"] = r.RaterName, ["raterEmail"] = r.RaterEmail, ["ratedOn"] = r.RatedOn, ["period"] = r.Period,
            ["quality"] = r.Quality, ["delivery"] = r.Delivery, ["responsiveness"] = r.Responsiveness, ["innovation"] = r.Innovation,
            ["costValue"] = r.CostValue, ["overall"] = r.Overall, ["comment"] = r.Comment,
        })));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var written = ratings.ConvertAll(r => new { id = RawIds.GlobalId("StakeholderRating", r.Id), version = RawVersions.Of(db, r) });
        db.ChangeTracker.Clear();
        return Answer(written, null);
    }

    private static JsonHttpResult<object> Answer(object? stakeholderRatings, List<Dictionary<string, string>>? errors) =>
        TypedResults.Json<object>(new { data = new { submitRatings = new { stakeholderRatings, errors } } }, RawJson.Options);

    private static Dictionary<string, string> Error(string type, string message) =>
        new Dictionary<string, string> { ["__typename"] = type, ["message"] = message };

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex("^[0-9]{4}-Q[1-4]$", RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}

/// <summary>The body of <c>/raw/submitRatings</c>: the GraphQL request's variables.</summary>
internal sealed record RawSubmitRatingsRequest(RawSubmitRatingsInput? Input);

internal sealed record RawSubmitRatingsInput(IReadOnlyList<RawRatingItem>? Ratings);

internal sealed record RawRatingItem(
    string? SupplierId, string? BusinessUnitId, string? CategoryId, string? ContractId, string? Period,
    int? Quality, int? Delivery, int? Responsiveness, int? Innovation, int? CostValue, int? Overall, string? Comment);
