using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>A schema's SDL as the server publishes it: descriptions and deprecations included, LF line ends.</summary>
public static class GraphQLSchemaSdl
{
    public static string Print(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
