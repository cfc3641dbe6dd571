using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Data.Lifecycle;

/// <summary>Registers the data layer: validated settings and one scoped (pooled) context of the configured provider.</summary>
public static class DatabaseRegistration
{
    // EF interceptors registered in DI (IInterceptor) join every context: the tests count statements this way.
    public static IServiceCollection AddProcurementData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddSingleton(sp => DatabaseSettings.From(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));

        // Pooled: a request leases a ready context instead of building its services (interceptors are singletons).
        services.AddDbContextPool<SqliteProcurementDbContext>((sp, options) => ConfigureSqlite(options, sp.GetRequiredService<DatabaseSettings>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddDbContextPool<SqlServerProcurementDbContext>((sp, options) => ConfigureSqlServer(options, sp.GetRequiredService<DatabaseSettings>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped<ProcurementDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerProcurementDbContext>(),
            _ => sp.GetRequiredService<SqliteProcurementDbContext>(),
        });
        // The read replica (Database:ReadOnlyConnectionString): the toolkit reads the fields marked ReadReplica.Allow through
        // this keyed source; without the setting there is none (null) and they read the primary.
        services.AddSingleton(sp => new ReadOnlyDatabase(sp.GetRequiredService<DatabaseSettings>(), sp.GetServices<IInterceptor>()));
        services.AddScoped<ReadOnlyContextLease>();
        services.AddKeyedScoped<IQuerySource>(ReadReplica.ServiceKey, (sp, _) => sp.GetRequiredService<ReadOnlyDatabase>().IsConfigured
            ? new DbContextQuerySource<ProcurementDbContext>(sp.GetRequiredService<ReadOnlyContextLease>().Context)
            : null!);
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, DatabaseSettings settings) =>
        options
            .UseSqlite(settings.ConnectionString, sqlite => sqlite.CommandTimeout(settings.Options.CommandTimeoutSeconds))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static DbContextOptionsBuilder ConfigureSqlServer(DbContextOptionsBuilder options, DatabaseSettings settings) =>
        options
            .UseSqlServer(settings.ConnectionString, sql => sql
                .CommandTimeout(settings.Options.CommandTimeoutSeconds)
                .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
