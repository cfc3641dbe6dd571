using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Features.Suppliers;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>
/// <c>deleteCategory</c> (Admin): refused with ObjectInUseError while subcategories, contracts, supplier approvals, goal links
/// or ratings refer to it. Statements: 1 to load it, 1 to count what depends on it, 1 to delete, the audit row.
/// </summary>
internal static class CategoryDeletion
{
    public static async Task<MutationResult> DeleteAsync(MutationContext mutation)
    {
        var input = mutation.Input;
        var id = mutation.Validation.Key(input, "id", "Category", required: true);
        mutation.ThrowIfInvalid();
        var category = await mutation.FindWritableAsync<Category>(c => c.Id == id, input, "id").ConfigureAwait(false);
        mutation.EnsureVersion(category, input["expectedVersion"] as string);
        if (await InUseAsync(mutation, category.Id).ConfigureAwait(false) is { } inUse)
        {
            return MutationResult.Failure(inUse);
        }

        mutation.Db.Remove(category);

        // A row that came to depend on it meanwhile (a provider without a write lock): the foreign key refuses, the same typed error.
        await mutation.SaveChangesAsync(async _ => await InUseAsync(mutation, category.Id).ConfigureAwait(false)).ConfigureAwait(false);
        return MutationResult.Success(category.Id);
    }

    /// <summary>What depends on the category, in one statement; null when nothing does.</summary>
    private static async Task<MutationError?> InUseAsync(MutationContext mutation, int id)
    {
        var uses = await mutation.Db.Set<Category>().Where(c => c.Id == id)
            .Select(c => new { Children = c.Children.Count, Contracts = c.Contracts.Count, Suppliers = c.Suppliers.Count, Goals = c.Goals.Count, Ratings = c.Ratings.Count })
            .SingleAsync(mutation.CancellationToken).ConfigureAwait(false);
        var dependents = new List<string>();
        SupplierDeletion.Add(dependents, "subcategories", uses.Children);
        SupplierDeletion.Add(dependents, "contracts", uses.Contracts);
        SupplierDeletion.Add(dependents, "supplier links", uses.Suppliers);
        SupplierDeletion.Add(dependents, "goal links", uses.Goals);
        SupplierDeletion.Add(dependents, "ratings", uses.Ratings);
        return dependents.Count > 0 ? new InUseError(dependents) : null;
    }
}
