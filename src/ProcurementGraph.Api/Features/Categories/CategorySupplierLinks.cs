using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>
/// <c>linkSupplierToCategory</c> and <c>unlinkSupplierFromCategory</c> (Editor). Statements: 1 to check both references
/// among the rows the caller sees and load the link, 1 to write, the audit rows, 1 to read the category back.
/// </summary>
internal static class CategorySupplierLinks
{
    public static async Task<MutationResult> LinkAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var supplierId = validation.Key(input, "supplierId", "Supplier", required: true);
        var categoryId = validation.Key(input, "categoryId", "Category", required: true);
        var preferred = validation.Bool(input, "isPreferred", required: false) ?? false;
        var since = validation.Date(input, "since", required: false) ?? ReportingDate.Today;
        mutation.ThrowIfInvalid();
        var found = await FindAsync(mutation, categoryId!.Value, supplierId!.Value).ConfigureAwait(false);
        if (found.Link is not null)
        {
            validation.Invalid(input, "supplierId", ValidationCodes.Duplicate, "The supplier is already approved in this category.");
        }

        mutation.ThrowIfInvalid();
        mutation.Db.Add(new CategorySupplier { CategoryId = categoryId.Value, SupplierId = supplierId.Value, IsPreferred = preferred, Since = since });
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(categoryId.Value);
    }

    public static async Task<MutationResult> UnlinkAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var supplierId = validation.Key(input, "supplierId", "Supplier", required: true);
        var categoryId = validation.Key(input, "categoryId", "Category", required: true);
        mutation.ThrowIfInvalid();
        var found = await FindAsync(mutation, categoryId!.Value, supplierId!.Value).ConfigureAwait(false);
        if (found.Link is null)
        {
            validation.Invalid(input, "supplierId", ValidationCodes.NotLinked, "The supplier is not approved in this category.");
            mutation.ThrowIfInvalid();
        }

        mutation.Db.Remove(found.Link!);
        await mutation.SaveChangesAsync().ConfigureAwait(false);
        return MutationResult.Success(categoryId.Value);
    }

    /// <summary>Both references among the rows the caller sees, and their link, in one statement; a missing reference ends the handler.</summary>
    private static async Task<Found> FindAsync(MutationContext mutation, int categoryId, int supplierId)
    {
        var suppliers = mutation.Visible<Supplier>();
        var links = mutation.Db.Set<CategorySupplier>();
        var found = await mutation.Visible<Category>().Where(c => c.Id == categoryId)
            .Select(c => new Found
            {
                Supplier = suppliers.Any(s => s.Id == supplierId),
                // Scalar subqueries: SQLite has no APPLY for a row-valued one.
                IsPreferred = links.Where(l => l.CategoryId == categoryId && l.SupplierId == supplierId).Select(l => (bool?)l.IsPreferred).FirstOrDefault(),
                Since = links.Where(l => l.CategoryId == categoryId && l.SupplierId == supplierId).Select(l => (DateOnly?)l.Since).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(mutation.CancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            mutation.Validation.NotFound(mutation.Input, "categoryId");
        }

        if (found is { Supplier: false })
        {
            mutation.Validation.NotFound(mutation.Input, "supplierId");
        }

        mutation.ThrowIfInvalid();
        return found!.IsPreferred is { } preferred
            ? new Found { Supplier = true, Link = new CategorySupplier { CategoryId = categoryId, SupplierId = supplierId, IsPreferred = preferred, Since = found.Since!.Value } }
            : found;
    }

    private sealed class Found
    {
        /// <summary>The stored link, untracked (attached when it is removed, so the audit records its values).</summary>
        public CategorySupplier? Link { get; init; }

        public bool Supplier { get; init; }

        public bool? IsPreferred { get; init; }

        public DateOnly? Since { get; init; }
    }
}
