using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;

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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyStamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProcurementDbContext).Assembly);
    }

    /// <summary>
    /// A modified stamped entity gets a new stamp; the original value stays in the WHERE clause,
    /// so a concurrent writer that read the old row gets a <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    private void RenewConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyStamped>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
            }
        }
    }
}
