using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary><c>deleteSupplier</c> (Admin): refused with ObjectInUseError while contracts, ratings or category links refer to it.</summary>
internal static class SupplierDeletion
{
    public static async Task<MutationResult> DeleteAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Supplier", required: true);
        mutation.ThrowIfInvalid();
        var supplier = await mutation.FindWritableAsync<Supplier>(s => s.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(supplier, input["expectedVersion"] as string);
        var uses = await mutation.Db.Set<Supplier>().Where(s => s.Id == id)
            .Select(s => new { Contracts = s.Contracts.Count, Ratings = s.Ratings.Count, Categories = s.Categories.Count })
            .SingleAsync(mutation.CancellationToken).ConfigureAwait(false);
        var dependents = new List<string>();
        Add(dependents, "contracts", uses.Contracts);
        Add(dependents, "ratings", uses.Ratings);
        Add(dependents, "category links", uses.Categories);
        if (dependents.Count > 0)
        {
            return MutationResult.Failure(new InUseError(dependents));
        }

        mutation.Db.Remove(supplier);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(supplier.Id);
    }

    public static void Add(List<string> dependents, string what, int count)
    {
        if (count > 0)
        {
            dependents.Add($"{what} ({count.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }
}
