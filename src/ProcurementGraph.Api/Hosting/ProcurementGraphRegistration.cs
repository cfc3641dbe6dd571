using ProcurementGraph.Server.Transport;

namespace ProcurementGraph.Api.Hosting;

/// <summary>The one registration entry point, shared by the app, the CLI verbs and the tests.</summary>
public static class ProcurementGraphRegistration
{
    public static WebApplicationBuilder AddProcurementGraph(this WebApplicationBuilder builder)
    {
        builder.Services.AddProcurementData(builder.Configuration);
        builder.Services.AddProcurementGraphQL(builder.Configuration, builder.Environment);
        return builder;
    }

    public static WebApplication MapProcurementGraph(this WebApplication app)
    {
        app.MapGraphQLHttp("/graphql");
        return app;
    }
}
