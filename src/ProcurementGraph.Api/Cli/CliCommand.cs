using ProcurementGraph.Api.Hosting;

namespace ProcurementGraph.Api.Cli;

/// <summary>
/// The verbs of the executable besides serving: <c>migrate</c>, <c>seed</c>, <c>schema export</c>, <c>--help</c>.
/// Plain argument handling; anything else starts the server.
/// </summary>
public static class CliCommand
{
    public const string Usage = """
        ProcurementGraph: one GraphQL graph over procurement data.

        Usage:
          ProcurementGraph.Api [server options]          serve /graphql (default http://localhost:5000)
          ProcurementGraph.Api migrate                   apply pending migrations to the configured database
          ProcurementGraph.Api seed --size demo|large [--reset]
                                                         migrate, then fill the database with deterministic demo data
                                                         (skipped when it already holds data, unless --reset)
          ProcurementGraph.Api schema export [--output PATH]
                                                         print the GraphQL SDL to PATH (default schema/schema.graphql; '-' for stdout)
          ProcurementGraph.Api --help                    this text

        Configuration (appsettings.json, environment variables such as Database__Provider, or --Key=Value):
          Database:Provider          Sqlite (default) | SqlServer
          Database:ConnectionString  required for SqlServer; Sqlite defaults to data/procurement.db
        """;

    private static readonly string[] HelpFlags = ["--help", "-h", "-?", "help"];

    /// <summary>Runs the verb in <paramref name="args"/>; null when the arguments ask for the server.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        try
        {
            return args[0] switch
            {
                var flag when HelpFlags.Contains(flag) => await WriteAsync(Console.Out, Usage, 0).ConfigureAwait(false),
                "migrate" => await MigrateCommand.RunAsync(args[1..]).ConfigureAwait(false),
                "seed" => await SeedCommand.RunAsync(args[1..]).ConfigureAwait(false),
                "schema" when args.Length > 1 && args[1] == "export" => await SchemaExportCommand.RunAsync(args[2..]).ConfigureAwait(false),
                var verb when !verb.StartsWith('-') => await WriteAsync(Console.Error, $"Unknown command '{verb}'. Run with --help for the commands.", 2).ConfigureAwait(false),
                _ => null,
            };
        }
        catch (StartupException e)
        {
            return await WriteAsync(Console.Error, e.Message, 1).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            return await WriteAsync(Console.Error, $"Database error: {e.Message}", 1).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            return await WriteAsync(Console.Error, $"{e.Message} Run with --help for the usage.", 2).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the application's services exactly as the server does, without serving.</summary>
    internal static WebApplication BuildHost(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddProcurementGraph();
        return builder.Build();
    }

    private static async Task<int> WriteAsync(TextWriter writer, string text, int exitCode)
    {
        await writer.WriteLineAsync(text).ConfigureAwait(false);
        return exitCode;
    }
}
