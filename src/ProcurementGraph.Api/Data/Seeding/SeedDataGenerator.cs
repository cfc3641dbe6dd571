using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// Deterministic, believable procurement data: the same seed, size and reference date always give
/// the same rows. Ids are assigned 1..n per table so relations are known without round trips.
/// The small tables are built in memory; suppliers, links, contracts and ratings are streamed (each
/// call to a method starts a fresh, identical sequence) from compact per-row plans, so even the
/// large size stays far below a gigabyte. The clock is never read: all dates are relative to
/// <see cref="ReferenceDate"/>.
/// </summary>
public sealed class SeedDataGenerator
{
    /// <summary>The seed used by the application and the tests.</summary>
    public const int DefaultSeed = 20_260_301;

    /// <summary>The organisation's e-mail domain (category managers, goal owners, raters).</summary>
    public const string OrganisationDomain = "northwind.example";

    private readonly Lazy<CategoryTree> tree;
    private readonly Lazy<BusinessUnitSet> units;
    private readonly Lazy<SupplierPlan> supplierPlan;
    private readonly Lazy<ContractPlan> contractPlan;

    public SeedDataGenerator(SeedSize size, DateOnly referenceDate, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentOutOfRangeException.ThrowIfNegative(size.Contracts);
        ArgumentOutOfRangeException.ThrowIfNegative(size.Ratings);
        ArgumentOutOfRangeException.ThrowIfLessThan(size.Suppliers, 1);
        Size = size;
        ReferenceDate = referenceDate;
        Seed = seed;
        tree = new(() => CategoryTree.Build(size.Categories, size.Contracts, seed));
        units = new(() => BusinessUnitSet.Build(size.BusinessUnits, seed));
        supplierPlan = new(() => SupplierPlan.Build(size.Suppliers, tree.Value, referenceDate, seed));
        contractPlan = new(() => ContractPlan.Build(size.Contracts, supplierPlan.Value, tree.Value, units.Value, referenceDate, seed));
    }

    public SeedSize Size { get; }

    /// <summary>"Today" for the generated data: contract terms, ratings and audits are placed around it.</summary>
    public DateOnly ReferenceDate { get; }

    public int Seed { get; }

    // The small tables are rebuilt on every call (it takes microseconds), so callers, EF included,
    // get fresh entities and can never change what the streamed tables are derived from.
    public IEnumerable<StrategicGoal> Goals() => GoalSet.Build(Size.Goals, tree.Value, ReferenceDate, Seed).Goals;

    /// <summary>Categories, parents before children.</summary>
    public IEnumerable<Category> Categories() => CategoryTree.Build(Size.Categories, Size.Contracts, Seed).Categories;

    public IEnumerable<GoalCategory> GoalCategories() => GoalSet.Build(Size.Goals, tree.Value, ReferenceDate, Seed).Links;

    public IEnumerable<BusinessUnit> BusinessUnits() => BusinessUnitSet.Build(Size.BusinessUnits, Seed).Units;

    public IEnumerable<ValueDriver> ValueDrivers() => BusinessUnitSet.Build(Size.BusinessUnits, Seed).Drivers;

    public IEnumerable<Supplier> Suppliers() => new SupplierGenerator(supplierPlan.Value, tree.Value, ReferenceDate, Seed).Suppliers();

    public IEnumerable<CategorySupplier> CategorySuppliers() => new SupplierGenerator(supplierPlan.Value, tree.Value, ReferenceDate, Seed).CategorySuppliers();

    public IEnumerable<Contract> Contracts() => new ContractGenerator(contractPlan.Value, supplierPlan.Value, tree.Value, Seed).Contracts();

    public IEnumerable<StakeholderRating> Ratings() =>
        new RatingGenerator(Size.Ratings, contractPlan.Value, supplierPlan.Value, units.Value, ReferenceDate, Seed).Ratings();
}
