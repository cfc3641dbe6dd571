using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>Turns on idempotent mutations (<c>Idempotency-Key</c>) with a store keeping the answers.</summary>
public static class IdempotencyServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLIdempotency<TStore>(this IServiceCollection services, Action<IdempotencyOptions>? configure = null)
        where TStore : class, IIdempotencyStore
    {
        services.AddScoped<IIdempotencyStore, TStore>();
        services.AddOptions<IdempotencyOptions>().Configure(o => configure?.Invoke(o));
        return services;
    }
}
