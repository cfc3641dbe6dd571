using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>
/// <c>submitRating</c> and <c>submitRatings</c>: validates every new rating (values, visible references, the contract
/// belonging to the supplier, the rater's own business unit), then inserts them with one batched SaveChanges.
/// Statements: 1 for all references, the batched inserts, the batched audit rows, 1 to read the payload back.
/// </summary>
internal static class RatingSubmission
{
    public const int MaxBatchSize = 1000;

    public static async Task<MutationResult> SubmitAsync(MutationContext mutation, IReadOnlyList<MutationInput> items, bool skipInvalid)
    {
        var validation = mutation.Validation;
        var caller = RatingCaller.From(mutation);
        var drafts = items.Select(item => RatingDraft.Read(item, validation)).ToList();
        var references = await RatingReferences.LoadAsync(
            mutation,
            [.. drafts.Select(d => d.BusinessUnitId).OfType<int>().Distinct()],
            caller.BusinessUnitCode,
            [.. drafts.Select(d => d.SupplierId).OfType<int>().Distinct()],
            [.. drafts.Select(d => d.CategoryId).OfType<int>().Distinct()],
            [.. drafts.Select(d => d.ContractId).OfType<int>().Distinct()]).ConfigureAwait(false);

        var today = ReportingDate.Today;
        var ratings = new List<(RatingDraft Draft, StakeholderRating Rating)>();
        foreach (var draft in drafts)
        {
            var unitId = Check(draft, references, caller, validation);
            if (unitId is { } unit && !HasErrors(validation, draft))
            {
                // The write rule (own business unit unless Admin) decides on the unit the rating would belong to.
                mutation.EnsureWritable(new StakeholderRating
                {
                    RaterName = caller.Name, RaterEmail = caller.Email, Period = draft.Period!,
                    BusinessUnit = new BusinessUnit { Code = references.UnitCode(unit)!, Name = string.Empty, Region = string.Empty, HeadName = string.Empty },
                });
                ratings.Add((draft, New(draft, unit, caller, today)));
            }
        }

        var errors = validation.Errors;
        if (errors.Count > 0 && (!skipInvalid || ratings.Count == 0))
        {
            return MutationResult.Failure(errors);
        }

        mutation.Db.AddRange(ratings.Select(r => r.Rating));
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        object[] keys = [.. ratings.Select(r => (object)r.Rating.Id)];
        return errors.Count > 0 ? MutationResult.Partial(keys, errors) : MutationResult.Success(keys);
    }

    /// <summary>The rating's business unit; errors for references the caller may not see or that do not fit together.</summary>
    private static int? Check(RatingDraft draft, RatingReferences references, RatingCaller caller, InputValidator validation)
    {
        var input = draft.Input;
        int? unit = null;
        if (draft.BusinessUnitId is { } given)
        {
            if (references.UnitCode(given) is null)
            {
                validation.NotFound(input, "businessUnitId");
            }
            else
            {
                unit = given;
            }
        }
        else if (!input.Has("businessUnitId") || input["businessUnitId"] is null)
        {
            unit = references.UnitByCode(caller.BusinessUnitCode);
            if (unit is null)
            {
                validation.Invalid(input, "businessUnitId", ValidationCodes.Required, $"`{input.Path("businessUnitId")}` is required: your token names no business unit.");
            }
        }

        if (draft.SupplierId is { } supplier && !references.HasSupplier(supplier))
        {
            validation.NotFound(input, "supplierId");
        }

        if (draft.CategoryId is { } category && !references.HasCategory(category))
        {
            validation.NotFound(input, "categoryId");
        }

        if (draft.ContractId is { } contract)
        {
            var owner = references.ContractSupplier(contract);
            if (owner is null)
            {
                validation.NotFound(input, "contractId");
            }
            else if (draft.SupplierId is { } rated && owner != rated)
            {
                validation.Invalid(input, "contractId", ValidationCodes.InvalidValue, $"`{input.Path("contractId")}` is a contract of another supplier.");
            }
        }

        return unit;
    }

    private static bool HasErrors(InputValidator validation, RatingDraft draft) =>
        validation.Errors.Any(e => e switch
        {
            ValidationError v => v.Index == draft.Input.Index,
            NotFoundError n => n.Index == draft.Input.Index,
            _ => false,
        });

    private static StakeholderRating New(RatingDraft draft, int unit, RatingCaller caller, DateOnly today) => new()
    {
        SupplierId = draft.SupplierId!.Value,
        BusinessUnitId = unit,
        CategoryId = draft.CategoryId,
        ContractId = draft.ContractId,
        RaterName = caller.Name,
        RaterEmail = caller.Email,
        RatedOn = today,
        Period = draft.Period!,
        Quality = draft.Scores[0]!.Value,
        Delivery = draft.Scores[1]!.Value,
        Responsiveness = draft.Scores[2]!.Value,
        Innovation = draft.Scores[3]!.Value,
        CostValue = draft.Scores[4]!.Value,
        Overall = draft.Scores[5]!.Value,
        Comment = draft.Comment,
    };
}
