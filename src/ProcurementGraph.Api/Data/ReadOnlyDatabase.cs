using ProcurementGraph.Api.Data.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ProcurementGraph.Api.Data.Providers;

namespace ProcurementGraph.Api.Data;

/// <summary>
/// The read replica (<c>Database:ReadOnlyConnectionString</c>): a pool of contexts of the configured provider's type (the
/// same model and compiled model as the primary) on the read-only connection; <see cref="IsConfigured"/> false without the
/// setting. Only reads run there: the root fields marked <c>ReadReplica.Allow</c> (README "BI and aggregates").
/// </summary>
public sealed class ReadOnlyDatabase
{
    private readonly IDbContextFactory<ProcurementDbContext>? _factory;

    public ReadOnlyDatabase(DatabaseSettings settings, IEnumerable<IInterceptor> interceptors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ReadOnlyConnectionString is not { } connectionString)
        {
            return;
        }

        var replica = settings with { ConnectionString = connectionString };
        var list = interceptors.ToList();
        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            var options = DatabaseRegistration.ConfigureSqlServer(new DbContextOptionsBuilder<SqlServerProcurementDbContext>(), replica)
                .AddInterceptors(list);
            var pool = new PooledDbContextFactory<SqlServerProcurementDbContext>((DbContextOptions<SqlServerProcurementDbContext>)options.Options);
            _factory = new Upcast<SqlServerProcurementDbContext>(pool);
        }
        else
        {
            var options = DatabaseRegistration.ConfigureSqlite(new DbContextOptionsBuilder<SqliteProcurementDbContext>(), replica)
                .AddInterceptors(list);
            var pool = new PooledDbContextFactory<SqliteProcurementDbContext>((DbContextOptions<SqliteProcurementDbContext>)options.Options);
            _factory = new Upcast<SqliteProcurementDbContext>(pool);
        }
    }

    public bool IsConfigured => _factory is not null;

    /// <summary>A context on the replica, leased from the pool (dispose it to return it).</summary>
    public ProcurementDbContext Create() =>
        (_factory ?? throw new InvalidOperationException("Database:ReadOnlyConnectionString is not set.")).CreateDbContext();

    private sealed class Upcast<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ProcurementDbContext>
        where TContext : ProcurementDbContext
    {
        public ProcurementDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>One request's context on the replica, leased on first use and returned to the pool with the request's scope.</summary>
public sealed class ReadOnlyContextLease(ReadOnlyDatabase database) : IDisposable, IAsyncDisposable
{
    private ProcurementDbContext? _context;

    public ProcurementDbContext Context => _context ??= database.Create();

    public void Dispose() => _context?.Dispose();

    public ValueTask DisposeAsync() => _context?.DisposeAsync() ?? ValueTask.CompletedTask;
}
