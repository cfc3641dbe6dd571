using ProcurementGraph.Api.Data.Lifecycle;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Hosting;

/// <summary>The one registration entry point, shared by the app, the CLI verbs and the tests.</summary>
public static class ProcurementGraphRegistration
{
    /// <summary>The path of the GraphQL endpoint (and, under it, GraphiQL's files).</summary>
    public const string GraphQLPath = "/graphql";

    public static WebApplicationBuilder AddProcurementGraph(this WebApplicationBuilder builder)
    {
        ConfigurationCheck.Validate(builder.Configuration);
        builder.Services.AddProcurementHostHardening();
        builder.Services.AddProcurementData(builder.Configuration);
        builder.Services.AddProcurementGraphQL(builder.Configuration, builder.Environment);
        builder.Services.AddProcurementTrustedDocuments(builder.Configuration);
        builder.Services.AddProcurementAuthentication(builder.Configuration, builder.Environment);
        builder.Services.AddProcurementDatabaseCancellation();
        builder.Services.AddProcurementHealth(builder.Configuration);
        builder.Services.AddProcurementRateLimiting(builder.Configuration);
        builder.Services.AddProcurementCors(builder.Configuration, builder.Environment);
        builder.Services.AddProcurementSubscriptions(builder.Configuration);
        builder.Services.AddProcurementReplicas(builder.Configuration);
        builder.Services.AddProcurementTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication MapProcurementGraph(this WebApplication app)
    {
        app.UseProcurementErrorHandling();
        var reportingToday = app.Configuration.GetValue<DateOnly?>("Reporting:Today");
        app.Use((context, next) =>
        {
            ReportingDate.Set(reportingToday ?? DateOnly.FromDateTime(DateTime.UtcNow));
            return next(context);
        });
        app.UseProcurementCors(GraphQLPath); // preflights answered here, before authentication and rate limiting
        app.UseProcurementIde(GraphQLPath); // the page and its files hold no data: before authentication and rate limiting
        app.UseGraphQLWebSockets(); // graphql-transport-ws at /graphql; the caller is authenticated at connection_init
        app.UseAuthentication();
        app.UseProcurementRateLimiting(); // after authentication: partitions by caller
        app.UseAuthorization();
        app.MapGraphQLHttp(GraphQLPath).RequireGraphQLAuthorization(ProcurementPolicies.ApiAccess);
        app.MapProcurementHealth();
        return app;
    }
}
