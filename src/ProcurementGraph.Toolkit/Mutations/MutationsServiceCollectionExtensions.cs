using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>Registers what mutation fields need: the data context they write through (one transaction per field).</summary>
public static class MutationsServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLMutations<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddScoped<IMutationDatabase, MutationDatabase<TContext>>();
        return services;
    }
}
