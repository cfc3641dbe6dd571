using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>
/// The business units, suppliers, categories and contracts that new ratings refer to, among the rows the caller may see:
/// one statement for any number of ratings (a UNION ALL of the four lookups).
/// </summary>
internal sealed class RatingReferences
{
    private readonly Dictionary<int, string> _units = [];
    private readonly HashSet<int> _suppliers = [];
    private readonly HashSet<int> _categories = [];
    private readonly Dictionary<int, int> _contracts = [];

    public static async Task<RatingReferences> LoadAsync(MutationContext mutation, IReadOnlyCollection<int> units, string? ownUnitCode,
        IReadOnlyCollection<int> suppliers, IReadOnlyCollection<int> categories, IReadOnlyCollection<int> contracts)
    {
        var unitIds = units.ToList();
        var supplierIds = suppliers.ToList();
        var categoryIds = categories.ToList();
        var contractIds = contracts.ToList();
        var query = mutation.Visible<BusinessUnit>()
            .Where(b => unitIds.Contains(b.Id) || b.Code == ownUnitCode)
            .Select(b => new RatingReference { Kind = RatingReference.BusinessUnit, Id = b.Id, Code = b.Code, Owner = 0 })
            .Concat(mutation.Visible<Supplier>().Where(s => supplierIds.Contains(s.Id))
                .Select(s => new RatingReference { Kind = RatingReference.Supplier, Id = s.Id, Code = null, Owner = 0 }));
        if (categoryIds.Count > 0)
        {
            query = query.Concat(mutation.Visible<Category>().Where(c => categoryIds.Contains(c.Id))
                .Select(c => new RatingReference { Kind = RatingReference.Category, Id = c.Id, Code = null, Owner = 0 }));
        }

        if (contractIds.Count > 0)
        {
            query = query.Concat(mutation.Visible<Contract>().Where(c => contractIds.Contains(c.Id))
                .Select(c => new RatingReference { Kind = RatingReference.Contract, Id = c.Id, Code = null, Owner = c.SupplierId }));
        }

        var references = new RatingReferences();
        foreach (var row in await query.ToListAsync(mutation.CancellationToken).ConfigureAwait(false))
        {
            switch (row.Kind)
            {
                case RatingReference.BusinessUnit: references._units[row.Id] = row.Code!; break;
                case RatingReference.Supplier: references._suppliers.Add(row.Id); break;
                case RatingReference.Category: references._categories.Add(row.Id); break;
                default: references._contracts[row.Id] = row.Owner; break;
            }
        }

        return references;
    }

    /// <summary>The id of the business unit with <paramref name="code"/>, if visible.</summary>
    public int? UnitByCode(string? code) =>
        code is null ? null : _units.Where(u => string.Equals(u.Value, code, StringComparison.OrdinalIgnoreCase)).Select(u => (int?)u.Key).FirstOrDefault();

    public string? UnitCode(int id) => _units.GetValueOrDefault(id);

    public bool HasSupplier(int id) => _suppliers.Contains(id);

    public bool HasCategory(int id) => _categories.Contains(id);

    /// <summary>The supplier of a visible contract; null when the contract is not visible.</summary>
    public int? ContractSupplier(int id) => _contracts.TryGetValue(id, out var supplier) ? supplier : null;
}
