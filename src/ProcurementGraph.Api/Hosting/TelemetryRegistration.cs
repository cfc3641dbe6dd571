using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProcurementGraph.Toolkit.Telemetry;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// OpenTelemetry, configured by the standard <c>OTEL_*</c> environment variables (service name, resource attributes,
/// protocol, headers, ...): traces and metrics of ASP.NET Core and of the GraphQL server (<see cref="GraphQLTelemetry"/>)
/// go to the OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without it (or with <c>OTEL_SDK_DISABLED=true</c>)
/// no provider is built: nothing listens, nothing is exported, and the server's instrumentation costs one listener check.
/// </summary>
public static class TelemetryRegistration
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DisabledSetting = "OTEL_SDK_DISABLED";

    public static IServiceCollection AddProcurementTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddGraphQLTelemetry();
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting])
            || string.Equals(configuration[DisabledSetting], "true", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(GraphQLTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(GraphQLTelemetry.Name).AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
        return services;
    }
}
