using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ProcurementGraph.Api.Graph;

/// <summary>The schema's SDL as committed in <c>schema/schema.graphql</c>: descriptions included, LF line ends.</summary>
public static class SchemaSdl
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
