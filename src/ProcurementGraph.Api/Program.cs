using ProcurementGraph.Api.Data.Lifecycle;
using ProcurementGraph.Api.Cli;
using ProcurementGraph.Api.Hosting;

if (await CliCommand.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddProcurementGraph();
    await using var app = builder.Build();
    app.MapProcurementGraph();
    var schema = app.Services.InitializeSchemaAsync();
    await app.Services.PrepareDatabaseAsync(Console.Out, app.Lifetime.ApplicationStopping);
    await schema;
    app.Services.RunStartupChecks();
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"GraphQL endpoint: {string.Join(", ", app.Urls.Select(url => url + "/graphql"))}"));
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
