using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Data;

/// <summary>
/// The procurement model. Each provider derives its own context type
/// (<see cref="Providers.SqliteProcurementDbContext"/>, <see cref="Providers.SqlServerProcurementDbContext"/>)
/// so that each keeps its own migrations in the same assembly; everything else uses this base type.
/// </summary>
public abstract class ProcurementDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StrategicGoal> StrategicGoals => Set<StrategicGoal>();
    public DbSet<GoalCategory> GoalCategories => Set<GoalCategory>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<CategorySupplier> CategorySuppliers => Set<CategorySupplier>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<BusinessUnit> BusinessUnits => Set<BusinessUnit>();
    public DbSet<ValueDriver> ValueDrivers => Set<ValueDriver>();
    public DbSet<StakeholderRating> StakeholderRatings => Set<StakeholderRating>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<CategoryPerformance> CategoryPerformance => Set<CategoryPerformance>();
    public DbSet<BusinessUnitPerformance> BusinessUnitPerformance => Set<BusinessUnitPerformance>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyTokens.Renew(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyTokens.Renew(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProcurementDbContext).Assembly);
        Configurations.ContractConfiguration.ConfigureDerived(modelBuilder.Entity<Contract>(), Database.IsSqlServer());
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList())
        {
            ConfigureVersion(modelBuilder.Entity(entityType.ClrType).Property<byte[]>(nameof(IVersioned.Version)));
        }
    }

    /// <summary>
    /// Maps an entity's <see cref="IVersioned.Version"/> the way the provider supports optimistic concurrency: SQL Server's
    /// <c>rowversion</c> (database-generated), elsewhere an application-managed concurrency token that SaveChanges renews
    /// (<see cref="ConcurrencyTokens.Renew(DbContext)"/>). Either way it is compared in the UPDATE's and DELETE's WHERE.
    /// </summary>
    protected abstract void ConfigureVersion(PropertyBuilder<byte[]> version);
}
