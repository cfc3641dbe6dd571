using GraphQL.Types;

namespace ProcurementGraph.Api.Hosting;

/// <summary>Builds the GraphQL schema on a worker thread while the database is prepared, not on the first request.</summary>
public static class GraphWarmUp
{
    public static Task InitializeSchemaAsync(this IServiceProvider services) =>
        Task.Run(() => services.GetRequiredService<ISchema>().Initialize());
}
