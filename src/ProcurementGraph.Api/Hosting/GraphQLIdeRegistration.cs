using ProcurementGraph.Toolkit.Ide;

namespace ProcurementGraph.Api.Hosting;

/// <summary>GraphiQL at the GraphQL endpoint (<c>GraphQL:Ide:Enabled</c>: on in Development, off elsewhere unless set).</summary>
public static class GraphQLIdeRegistration
{
    public const string EnabledSetting = "GraphQL:Ide:Enabled";

    private const string DefaultQuery = """
        # GraphiQL for ProcurementGraph. Type a query, then press Ctrl-Enter (or the run button).
        # Pass a bearer token in the Headers tab below (see the README, "GraphiQL").
        query Suppliers {
          suppliers(first: 5, order: [{ name: ASC }]) {
            totalCount
            nodes { id name country riskLevel }
          }
        }

        """;

    private const string DefaultHeaders = """
        {
          // To call with a bearer token, remove the // of the
          // "Authorization" line and paste the token after "Bearer ".
          // In Development make one in src/ProcurementGraph.Api with
          //   dotnet user-jwts create --scheme DevJwt --role Procurement.Editor -o token
          // "Authorization": "Bearer <token>"
        }
        """;

    public static WebApplication UseProcurementIde(this WebApplication app, PathString endpointPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app.Configuration, app.Environment))
        {
            app.UseGraphQLIde(endpointPath, new GraphQLIdeOptions { DefaultQuery = DefaultQuery, DefaultHeaders = DefaultHeaders });
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
