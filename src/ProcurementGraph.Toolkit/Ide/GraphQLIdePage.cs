using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace ProcurementGraph.Toolkit.Ide;

/// <summary>GraphiQL's HTML page: the bundled script and styles, and the endpoint it talks to.</summary>
internal static class GraphQLIdePage
{
    public static string Render(PathString endpoint, PathString assets, GraphQLIdeOptions options)
    {
        var encoder = HtmlEncoder.Default;
        var endpointAttribute = encoder.Encode(endpoint.ToUriComponent());
        var assetsAttribute = encoder.Encode(assets.ToUriComponent());
        var defaults = Attribute(encoder, "data-default-query", options.DefaultQuery) + Attribute(encoder, "data-default-headers", options.DefaultHeaders);
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>GraphiQL</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="{assetsAttribute}/graphiql.css">
              <script type="module" src="{assetsAttribute}/graphiql.js"></script>
            </head>
            <body>
              <div id="graphiql" data-endpoint="{endpointAttribute}"{defaults}>Loading GraphiQL…</div>
            </body>
            </html>
            """;
    }

    private static string Attribute(HtmlEncoder encoder, string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $" {name}=\"{encoder.Encode(value)}\"";
}
