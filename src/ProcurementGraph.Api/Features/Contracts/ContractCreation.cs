using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>
/// <c>createContract</c> (a DRAFT; references checked among the rows the caller sees and the number's uniqueness, in one
/// statement) and <c>renewContract</c> (ACTIVE or EXPIRED → ACTIVE with a later end).
/// </summary>
internal static class ContractCreation
{
    public static async Task<MutationResult> CreateAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var number = validation.Text(input, "number", ModelConventions.CodeLength, required: true);
        var title = validation.Text(input, "title", ModelConventions.NameLength, required: true);
        var supplierId = validation.Key(input, "supplierId", "Supplier", required: true);
        var categoryId = validation.Key(input, "categoryId", "Category", required: true);
        var ownerId = validation.Key(input, "ownerId", "BusinessUnit", required: true);
        var start = validation.Date(input, "startDate", required: true);
        var end = validation.Date(input, "endDate", required: true);
        var signed = validation.Date(input, "signedOn", required: false);
        var notice = validation.WholeNumber(input, "noticePeriodDays", 0, 3650, required: true);
        var payment = validation.WholeNumber(input, "paymentTermsDays", 0, 365, required: true);
        var total = Money(input, validation, "totalValue");
        var annual = Money(input, validation, "annualValue");
        var baseline = Money(input, validation, "baselineAnnualCost");
        var currency = validation.Currency(input, "originalCurrency", required: true);
        var original = Money(input, validation, "originalTotalValue");
        if (end < start)
        {
            validation.Invalid(input, "endDate", ValidationCodes.InvalidValue, "`endDate` is before `startDate`.");
        }

        if (signed > start)
        {
            validation.Invalid(input, "signedOn", ValidationCodes.InvalidValue, "`signedOn` is after `startDate`.");
        }

        mutation.ThrowIfInvalid();
        var suppliers = mutation.Visible<Supplier>();
        var categories = mutation.Visible<Category>();
        var units = mutation.Visible<BusinessUnit>();
        var contracts = mutation.Db.Set<Contract>();
        var found = await units.Where(b => b.Id == ownerId)
            .Select(b => new
            {
                Supplier = suppliers.Any(s => s.Id == supplierId),
                Category = categories.Any(c => c.Id == categoryId),
                Taken = contracts.Any(c => c.Number == number),
            })
            .FirstOrDefaultAsync(mutation.CancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            validation.NotFound(input, "ownerId");
        }

        if (found is { Supplier: false })
        {
            validation.NotFound(input, "supplierId");
        }

        if (found is { Category: false })
        {
            validation.NotFound(input, "categoryId");
        }

        if (found is { Taken: true })
        {
            validation.Invalid(input, "number", ValidationCodes.Duplicate, "Another contract has this `number`.");
        }

        mutation.ThrowIfInvalid();
        var contract = new Contract
        {
            Number = number!, Title = title!, SupplierId = supplierId!.Value, CategoryId = categoryId!.Value, OwnerId = ownerId!.Value,
            Status = ContractStatus.Draft, StartDate = start!.Value, EndDate = end!.Value, SignedOn = signed,
            AutoRenew = validation.Bool(input, "autoRenew", required: false) ?? false,
            NoticePeriodDays = notice!.Value, PaymentTermsDays = payment!.Value,
            TotalValue = total!.Value, AnnualValue = annual!.Value, BaselineAnnualCost = baseline!.Value,
            OriginalCurrency = currency!, OriginalTotalValue = original!.Value,
        };
        mutation.Db.Add(contract);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(contract.Id);
    }

    public static async Task<MutationResult> RenewAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var id = validation.Key(input, "id", "Contract", required: true);
        var end = validation.Date(input, "endDate", required: false);
        var annual = validation.Number(input, "annualValue", 18, 2, 0, required: false);
        var total = validation.Number(input, "totalValue", 18, 2, 0, required: false);
        mutation.ThrowIfInvalid();
        var contract = await mutation.FindWritableAsync<Contract>(c => c.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(contract, input["expectedVersion"] as string);
        if (contract.Status is not (ContractStatus.Active or ContractStatus.Expired))
        {
            return MutationResult.Failure(new InvalidTransitionError(Name(contract.Status), "ACTIVE", []));
        }

        var newEnd = end ?? contract.EndDate.AddDays(contract.EndDate.DayNumber - contract.StartDate.DayNumber + 1);
        if (newEnd <= contract.EndDate)
        {
            validation.Invalid(input, "endDate", ValidationCodes.InvalidValue, "`endDate` must be after the current end date.");
            mutation.ThrowIfInvalid();
        }

        var added = newEnd.DayNumber - contract.EndDate.DayNumber;
        contract.AnnualValue = annual ?? contract.AnnualValue;
        var grown = total ?? decimal.Round(contract.TotalValue + (contract.AnnualValue * added / 365m), 2);
        if (grown >= 10_000_000_000_000_000m)
        {
            validation.Invalid(input, "totalValue", ValidationCodes.OutOfRange, "The renewed `totalValue` does not fit.");
            mutation.ThrowIfInvalid();
        }

        (contract.EndDate, contract.TotalValue, contract.Status) = (newEnd, grown, ContractStatus.Active);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(contract.Id);
    }

    private static decimal? Money(MutationInput input, InputValidator validation, string name) =>
        validation.Number(input, name, precision: 18, scale: 2, min: 0, required: true);

    private static string Name(ContractStatus status) => GraphQL.StringExtensions.ToConstantCase(status.ToString());
}
