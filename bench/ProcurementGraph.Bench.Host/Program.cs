using ProcurementGraph.Api.Data.Lifecycle;
using ProcurementGraph.Api.Hosting;
using ProcurementGraph.Bench.Host.Metrics;
using ProcurementGraph.Bench.Host.Raw;

namespace ProcurementGraph.Bench.Host;

/// <summary>
/// The benchmark host: composes the product exactly as <c>src/ProcurementGraph.Api/Program.cs</c> does and adds the raw
/// EF Core baseline (<c>/raw/*</c>) and the counters (<c>/bench/metrics</c>). Not part of the product.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.AddProcurementGraph();
            builder.Services.AddBenchMetrics();
            await using var app = builder.Build();
            app.UseMiddleware<RequestCountingMiddleware>(); // first: sees every request the product serves
            app.MapProcurementGraph();
            app.MapRawEndpoints();
            app.MapBenchMetrics();
            var schema = app.Services.InitializeSchemaAsync();
            await app.Services.PrepareDatabaseAsync(Console.Out, app.Lifetime.ApplicationStopping).ConfigureAwait(false);
            await schema.ConfigureAwait(false);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
