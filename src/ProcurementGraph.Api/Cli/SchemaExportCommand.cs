using GraphQL.Types;
using ProcurementGraph.Api.Graph;

namespace ProcurementGraph.Api.Cli;

/// <summary><c>schema export [--output PATH]</c>: prints the SDL of the running schema.</summary>
internal static class SchemaExportCommand
{
    public const string DefaultOutput = "schema/schema.graphql";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CliOptions(args);
        var output = options.Value("--output") ?? DefaultOutput;
        await using var app = CliCommand.BuildHost(options.Rest);
        var sdl = SchemaSdl.Print(app.Services.GetRequiredService<ISchema>());
        if (output == "-")
        {
            await Console.Out.WriteAsync(sdl).ConfigureAwait(false);
            return 0;
        }

        var path = Path.GetFullPath(output, output == DefaultOutput
            ? RepositoryRoot.Find(Environment.CurrentDirectory) ?? Environment.CurrentDirectory
            : Environment.CurrentDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, sdl).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"Schema written to {path}").ConfigureAwait(false);
        return 0;
    }
}
