using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>
/// The suppliers feature's writes. Single writes: at most 1 statement to load the row (with the write rule), 1 to
/// write, the audit rows, 1 to read the payload back; a registration number another supplier holds is a typed
/// DUPLICATE error (found when the unique index refuses the write, so the common case costs no extra statement).
/// </summary>
internal static class SupplierWrites
{
    public static async Task<MutationResult> CreateAsync(MutationContext mutation)
    {
        var changes = SupplierValues.Read(mutation.Input, mutation.Validation, create: true);
        mutation.ThrowIfInvalid();
        var supplier = new Supplier
        {
            Name = string.Empty, LegalName = string.Empty, RegistrationNumber = string.Empty, Country = string.Empty,
            City = string.Empty, PrimaryContactEmail = string.Empty,
            Status = SupplierStatus.Prospect, RiskLevel = RiskLevel.Medium, ComplianceStatus = ComplianceStatus.PendingReview,
        };
        changes.ForEach(change => change(supplier));
        mutation.Db.Add(supplier);
        await mutation.SaveChangesAsync(e => DuplicateAsync(mutation, supplier)).ConfigureAwait(false);
        return MutationResult.Success(supplier.Id);
    }

    public static async Task<MutationResult> UpdateAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Supplier", required: true);
        var changes = SupplierValues.Read(input, mutation.Validation, create: false);
        mutation.ThrowIfInvalid();
        var supplier = await mutation.FindWritableAsync<Supplier>(s => s.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(supplier, input["expectedVersion"] as string);
        changes.ForEach(change => change(supplier));
        await mutation.SaveChangesAsync(e => DuplicateAsync(mutation, supplier)).ConfigureAwait(false);
        return MutationResult.Success(supplier.Id);
    }

    public static async Task<MutationResult> ChangeStatusAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Supplier", required: true);
        var status = mutation.Validation.Enum<SupplierStatus>(input, "status", required: true);
        mutation.ThrowIfInvalid();
        var supplier = await mutation.FindWritableAsync<Supplier>(s => s.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(supplier, input["expectedVersion"] as string);
        var allowed = SupplierLifecycle.From(supplier.Status);
        if (!allowed.Contains(status!.Value))
        {
            return MutationResult.Failure(new InvalidTransitionError(
                SupplierLifecycle.Name(supplier.Status), SupplierLifecycle.Name(status.Value), [.. allowed.Select(SupplierLifecycle.Name)]));
        }

        supplier.Status = status.Value;
        if (status == SupplierStatus.Active && supplier.OnboardedOn is null)
        {
            supplier.OnboardedOn = ReportingDate.Today;
        }

        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(supplier.Id);
    }

    /// <summary>A partner's own supplier (its claim), contact fields only.</summary>
    public static async Task<MutationResult> UpdateMyContactAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var options = mutation.Field.RequestServices!.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var own = ProcurementCaller.From(mutation.User, options).SupplierId ?? throw new FieldAuthorizationError();
        var changes = new List<Action<Supplier>>();
        SupplierValues.ReadContact(input, mutation.Validation, create: false, changes);
        mutation.ThrowIfInvalid();
        var supplier = await mutation.FindWritableAsync<Supplier>(s => s.Id == own, input, "expectedVersion").ConfigureAwait(false);
        mutation.EnsureVersion(supplier, input["expectedVersion"] as string);
        changes.ForEach(change => change(supplier));
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(supplier.Id);
    }

    /// <summary>A DUPLICATE error when another supplier holds the registration number (the unique index refused the write).</summary>
    private static async Task<MutationError?> DuplicateAsync(MutationContext mutation, Supplier supplier)
    {
        var number = supplier.RegistrationNumber;
        var id = supplier.Id;
        var taken = await mutation.Db.Set<Supplier>().AnyAsync(s => s.RegistrationNumber == number && s.Id != id, mutation.CancellationToken).ConfigureAwait(false);
        return taken
            ? new ValidationError("registrationNumber", ValidationCodes.Duplicate, "Another supplier has this `registrationNumber`.")
            : null;
    }
}
