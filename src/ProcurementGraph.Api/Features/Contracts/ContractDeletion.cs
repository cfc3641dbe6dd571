using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Features.Suppliers;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary><c>deleteContract</c> (Admin): refused with ObjectInUseError while ratings refer to it.</summary>
internal static class ContractDeletion
{
    public static async Task<MutationResult> DeleteAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Contract", required: true);
        mutation.ThrowIfInvalid();
        var contract = await mutation.FindWritableAsync<Contract>(c => c.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(contract, input["expectedVersion"] as string);
        var ratings = await mutation.Db.Set<StakeholderRating>().CountAsync(r => r.ContractId == id, mutation.CancellationToken).ConfigureAwait(false);
        var dependents = new List<string>();
        SupplierDeletion.Add(dependents, "ratings", ratings);
        if (dependents.Count > 0)
        {
            return MutationResult.Failure(new InUseError(dependents));
        }

        mutation.Db.Remove(contract);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(contract.Id);
    }
}
