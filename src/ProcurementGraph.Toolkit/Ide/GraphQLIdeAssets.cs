using Microsoft.Extensions.FileProviders;

namespace ProcurementGraph.Toolkit.Ide;

/// <summary>
/// GraphiQL's built files (<c>Ide/Assets</c>, made by <c>ide/build.mjs</c> from <c>ide/package-lock.json</c>),
/// embedded in this assembly so that the server needs neither Node nor a CDN to serve them.
/// </summary>
internal static class GraphQLIdeAssets
{
    public const string ResourcePrefix = "ProcurementGraph.Toolkit.Ide.Assets";

    public static IFileProvider FileProvider { get; } = new EmbeddedFileProvider(typeof(GraphQLIdeAssets).Assembly, ResourcePrefix);
}
