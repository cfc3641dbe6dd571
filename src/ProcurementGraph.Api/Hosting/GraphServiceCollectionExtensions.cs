using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Server.Querying.Paging;
using ProcurementGraph.Server.Transport;

namespace ProcurementGraph.Api.Hosting;

/// <summary>Registers the GraphQL schema, the engine's options and the HTTP transport.</summary>
public static class GraphServiceCollectionExtensions
{
    public static IServiceCollection AddProcurementGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<PagingOptions>(configuration.GetSection("Paging"));
        services.Scan<IQueryFields>();
        services.AddGraphQL(graph => graph
            .AddSchema<ProcurementSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(ProcurementSchema).Assembly)
            // One scoped DbContext per request cannot run two queries at once: resolve query fields one after another.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(options =>
            {
                options.ExposeExceptionDetails = environment.IsDevelopment();
                options.ExposeCodes = false;
                options.ExposeData = true;
            }));
        services.AddGraphQLHttp(options => configuration.GetSection("GraphQL:Http").Bind(options));
        return services;
    }

    /// <summary>Registers every concrete <typeparamref name="T"/> of this assembly as a singleton.</summary>
    private static void Scan<T>(this IServiceCollection services)
    {
        var implementations = typeof(GraphServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t));
        foreach (var implementation in implementations)
        {
            services.AddSingleton(typeof(T), implementation);
        }
    }
}
