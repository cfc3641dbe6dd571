using ProcurementGraph.Server.Ide;

namespace ProcurementGraph.Api.Hosting;

/// <summary>GraphiQL at the GraphQL endpoint (<c>GraphQL:Ide:Enabled</c>: on in Development, off elsewhere unless set).</summary>
public static class GraphQLIdeHostingExtensions
{
    public const string EnabledSetting = "GraphQL:Ide:Enabled";

    public static WebApplication UseProcurementIde(this WebApplication app, PathString endpointPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app.Configuration, app.Environment))
        {
            app.UseGraphQLIde(endpointPath);
        }

        return app;
    }

    internal static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[EnabledSetting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return environment.IsDevelopment();
        }

        return bool.TryParse(value, out var enabled)
            ? enabled
            : throw new StartupException($"{EnabledSetting} must be true or false (it is '{value}').");
    }
}
