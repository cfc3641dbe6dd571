using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>
/// <c>updateRating</c> (partial: fields left out keep their values) and <c>withdrawRating</c>, both on a rating the
/// caller may change, at the version it read. Statements: 1 to load (with the write rule), 1 to write, the audit rows,
/// 1 to read the payload back (+1 when a new category or contract must be checked).
/// </summary>
internal static class RatingChanges
{
    public static async Task<MutationResult> UpdateAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "StakeholderRating", required: true);
        var period = RatingDraft.ReadPeriod(input, validation, required: false);
        var scores = RatingInputFields.Scores.Select(s => validation.WholeNumber(input, s.Name, 1, 5, required: false)).ToArray();
        var comment = validation.Text(input, "comment", ModelConventions.TextLength, required: false);
        var categoryId = validation.Key(input, "categoryId", "Category", required: false);
        var contractId = validation.Key(input, "contractId", "Contract", required: false);
        mutation.ThrowIfInvalid();

        var rating = await mutation.FindWritableAsync<StakeholderRating>(r => r.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(rating, input["expectedVersion"] as string);
        if (categoryId is not null || contractId is not null)
        {
            var references = await RatingReferences.LoadAsync(mutation, [], null, [],
                categoryId is { } c ? [c] : [], contractId is { } k ? [k] : []).ConfigureAwait(false);
            if (categoryId is { } category && !references.HasCategory(category))
            {
                validation.NotFound(input, "categoryId");
            }

            if (contractId is { } contract && references.ContractSupplier(contract) is var owner && owner != rating.SupplierId)
            {
                if (owner is null)
                {
                    validation.NotFound(input, "contractId");
                }
                else
                {
                    validation.Invalid(input, "contractId", ValidationCodes.InvalidValue, "`contractId` is a contract of another supplier.");
                }
            }

            mutation.ThrowIfInvalid();
        }

        if (period is not null)
        {
            rating.Period = period;
        }

        Apply(scores[0], v => rating.Quality = v);
        Apply(scores[1], v => rating.Delivery = v);
        Apply(scores[2], v => rating.Responsiveness = v);
        Apply(scores[3], v => rating.Innovation = v);
        Apply(scores[4], v => rating.CostValue = v);
        Apply(scores[5], v => rating.Overall = v);
        if (input.Has("comment"))
        {
            rating.Comment = comment;
        }

        if (input.Has("categoryId"))
        {
            rating.CategoryId = categoryId;
        }

        if (input.Has("contractId"))
        {
            rating.ContractId = contractId;
        }

        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(rating.Id);
    }

    public static async Task<MutationResult> WithdrawAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "StakeholderRating", required: true);
        mutation.ThrowIfInvalid();
        var rating = await mutation.FindWritableAsync<StakeholderRating>(r => r.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(rating, input["expectedVersion"] as string);
        mutation.Db.Remove(rating);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(rating.Id);
    }

    private static void Apply(int? value, Action<int> set)
    {
        if (value is { } v)
        {
            set(v);
        }
    }
}
