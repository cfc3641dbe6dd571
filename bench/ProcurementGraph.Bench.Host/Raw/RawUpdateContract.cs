using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Security;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// <c>updateContract</c> of the title by hand, as a careful EF Core developer would write it: Editor or Admin, the title
/// checked, the contract loaded tracked, its concurrency token compared with <c>expectedVersion</c> (and kept in the
/// UPDATE's WHERE by EF Core), the change and its audit row saved by one <c>SaveChanges</c> (one transaction). Answers
/// the graph's JSON for <c>contract { id version title } errors { __typename ... on Error { message } }</c>.
/// </summary>
internal static class RawUpdateContract
{
    private const int TitleLength = 200;

    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>, ForbidHttpResult>> HandleAsync(
        RawUpdateContractRequest request, ClaimsPrincipal user, [FromServices] ProcurementDbContext db,
        [FromServices] IOptions<SecurityOptions> security, CancellationToken cancellationToken)
    {
        var caller = ProcurementCaller.From(user, security.Value);
        if (caller.IsPartner || !caller.Roles.Any(r => r is ProcurementRoles.Editor or ProcurementRoles.Admin))
        {
            return TypedResults.Forbid();
        }

        if (request.Input is not { Id: { } id, ExpectedVersion: { } expected } input || RawIds.KeyOf("Contract", id) is not { } key)
        {
            return TypedResults.BadRequest("id and expectedVersion are required");
        }

        if (input.Title is not { Length: > 0 and <= TitleLength } title || string.IsNullOrWhiteSpace(title))
        {
            return Answer(null, Error("ValidationError", "`title` must hold 1 to 200 characters."));
        }

        var contract = await db.Contracts.AsTracking().FirstOrDefaultAsync(c => c.Id == key, cancellationToken).ConfigureAwait(false);
        if (contract is null)
        {
            return Answer(null, Error("NotFoundError", "The contract was not found."));
        }

        if (!RawVersions.Matches(db, contract, expected))
        {
            return Answer(null, Error("ConcurrencyConflictError", "The contract was changed meanwhile."));
        }

        var before = contract.Title;
        contract.Title = title;
        if (before != title)
        {
            db.AuditEntries.Add(RawAudit.Of(user, security.Value, "updateContract")
                .Updated("Contract", key, new() { ["title"] = new RawAudit.Change(before, title) }));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Answer(null, Error("ConcurrencyConflictError", "The contract was changed meanwhile."));
            }
        }

        var answer = new { id, version = RawVersions.Of(db, contract), title = contract.Title };
        db.ChangeTracker.Clear();
        return Answer(answer, null);
    }

    private static JsonHttpResult<object> Answer(object? contract, object? error) =>
        TypedResults.Json<object>(new { data = new { updateContract = new { contract, errors = error is null ? null : new[] { error } } } }, RawJson.Options);

    private static Dictionary<string, string> Error(string type, string message) => new() { ["__typename"] = type, ["message"] = message };
}

/// <summary>The body of <c>/raw/updateContract</c>: the GraphQL request's variables.</summary>
internal sealed record RawUpdateContractRequest(RawUpdateContractInput? Input);

internal sealed record RawUpdateContractInput(string? Id, string? ExpectedVersion, string? Title);
