using GraphQL.DI;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Telemetry;

/// <summary>Registers the server's spans and metrics (see <see cref="GraphQLTelemetry"/>).</summary>
public static class GraphQLTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The request, parse, validate and execute spans and the request metrics (execution steps of the engine), and the SQL
    /// command spans and statement counts (an EF Core interceptor the app's DbContext picks up from DI).
    /// </summary>
    public static IServiceCollection AddGraphQLTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureExecution, GraphQLRequestTelemetry>();
        services.AddSingleton<IConfigureExecution, GraphQLStepTelemetry>();
        services.AddSingleton<IInterceptor, SqlCommandTelemetryInterceptor>();
        return services;
    }
}
