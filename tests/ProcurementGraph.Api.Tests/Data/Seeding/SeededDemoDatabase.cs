using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Seeding;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>One seeded demo database shared by the read-only tests of a class, with its rows loaded back through EF.</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime, IDisposable
{
    private readonly SeedTestDatabase database = new();

    public SeedReport Report { get; private set; } = null!;

    public List<StrategicGoal> Goals { get; private set; } = [];

    public List<GoalCategory> GoalCategories { get; private set; } = [];

    public List<Category> Categories { get; private set; } = [];

    public List<CategorySupplier> CategorySuppliers { get; private set; } = [];

    public List<Supplier> Suppliers { get; private set; } = [];

    public List<Contract> Contracts { get; private set; } = [];

    public List<BusinessUnit> BusinessUnits { get; private set; } = [];

    public List<ValueDriver> ValueDrivers { get; private set; } = [];

    public List<StakeholderRating> Ratings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Report = await database.SeedAsync();
        await using var db = database.CreateContext();
        Goals = [.. db.StrategicGoals.AsNoTracking().OrderBy(x => x.Id)];
        GoalCategories = [.. db.GoalCategories.AsNoTracking().OrderBy(x => x.GoalId).ThenBy(x => x.CategoryId)];
        Categories = [.. db.Categories.AsNoTracking().OrderBy(x => x.Id)];
        CategorySuppliers = [.. db.CategorySuppliers.AsNoTracking().OrderBy(x => x.SupplierId).ThenBy(x => x.CategoryId)];
        Suppliers = [.. db.Suppliers.AsNoTracking().OrderBy(x => x.Id)];
        Contracts = [.. db.Contracts.AsNoTracking().OrderBy(x => x.Id)];
        BusinessUnits = [.. db.BusinessUnits.AsNoTracking().OrderBy(x => x.Id)];
        ValueDrivers = [.. db.ValueDrivers.AsNoTracking().OrderBy(x => x.BusinessUnitId).ThenBy(x => x.Position)];
        Ratings = [.. db.StakeholderRatings.AsNoTracking().OrderBy(x => x.Id)];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();
}
