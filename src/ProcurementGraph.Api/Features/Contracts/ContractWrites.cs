using GraphQL;
using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>
/// <c>updateContract</c> (partial, dates in order, money that fits <c>decimal(18,2)</c>) and <c>changeContractStatus</c>
/// (DRAFT → ACTIVE → EXPIRED / TERMINATED). Statements: load (with the write rule), write, audit, read back.
/// </summary>
internal static class ContractWrites
{
    private static readonly Dictionary<ContractStatus, ContractStatus[]> Next = new()
    {
        [ContractStatus.Draft] = [ContractStatus.Active],
        [ContractStatus.Active] = [ContractStatus.Expired, ContractStatus.Terminated],
        [ContractStatus.Expired] = [],
        [ContractStatus.Terminated] = [],
    };

    public static async Task<MutationResult> UpdateAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "Contract", required: true);
        var title = validation.Text(input, "title", ModelConventions.NameLength, required: input.Has("title"));
        var start = validation.Date(input, "startDate", required: input.Has("startDate"));
        var end = validation.Date(input, "endDate", required: input.Has("endDate"));
        var signed = validation.Date(input, "signedOn", required: false);
        var autoRenew = validation.Bool(input, "autoRenew", required: input.Has("autoRenew"));
        var notice = validation.WholeNumber(input, "noticePeriodDays", 0, 3650, required: input.Has("noticePeriodDays"));
        var payment = validation.WholeNumber(input, "paymentTermsDays", 0, 365, required: input.Has("paymentTermsDays"));
        var total = Money(input, validation, "totalValue");
        var annual = Money(input, validation, "annualValue");
        var baseline = Money(input, validation, "baselineAnnualCost");
        var currency = validation.Currency(input, "originalCurrency", required: input.Has("originalCurrency"));
        var original = Money(input, validation, "originalTotalValue");
        mutation.ThrowIfInvalid();

        var contract = await mutation.FindWritableAsync<Contract>(c => c.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(contract, input["expectedVersion"] as string);
        var newStart = start ?? contract.StartDate;
        var newEnd = end ?? contract.EndDate;
        var newSigned = input.Has("signedOn") ? signed : contract.SignedOn;
        if (newEnd < newStart)
        {
            validation.Invalid(input, end is null ? "startDate" : "endDate", ValidationCodes.InvalidValue, "`endDate` is before `startDate`.");
        }

        if (newSigned > newStart)
        {
            validation.Invalid(input, input.Has("signedOn") ? "signedOn" : "startDate", ValidationCodes.InvalidValue, "`signedOn` is after `startDate`.");
        }

        mutation.ThrowIfInvalid();
        contract.Title = title ?? contract.Title;
        (contract.StartDate, contract.EndDate, contract.SignedOn) = (newStart, newEnd, newSigned);
        contract.AutoRenew = autoRenew ?? contract.AutoRenew;
        contract.NoticePeriodDays = notice ?? contract.NoticePeriodDays;
        contract.PaymentTermsDays = payment ?? contract.PaymentTermsDays;
        contract.TotalValue = total ?? contract.TotalValue;
        contract.AnnualValue = annual ?? contract.AnnualValue;
        contract.BaselineAnnualCost = baseline ?? contract.BaselineAnnualCost;
        contract.OriginalCurrency = currency ?? contract.OriginalCurrency;
        contract.OriginalTotalValue = original ?? contract.OriginalTotalValue;
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(contract.Id);
    }

    public static async Task<MutationResult> ChangeStatusAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Contract", required: true);
        var status = mutation.Validation.Enum<ContractStatus>(input, "status", required: true);
        mutation.ThrowIfInvalid();
        var contract = await mutation.FindWritableAsync<Contract>(c => c.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(contract, input["expectedVersion"] as string);
        var allowed = Next[contract.Status];
        if (!allowed.Contains(status!.Value))
        {
            return MutationResult.Failure(new InvalidTransitionError(Name(contract.Status), Name(status.Value), [.. allowed.Select(Name)]));
        }

        contract.Status = status.Value;
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(contract.Id);
    }

    private static decimal? Money(MutationInput input, InputValidator validation, string name) =>
        validation.Number(input, name, precision: 18, scale: 2, min: 0, required: input.Has(name));

    private static string Name(ContractStatus status) => status.ToString().ToConstantCase();
}
