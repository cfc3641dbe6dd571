using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>Small helpers to send GraphQL requests over HTTP and read the answers.</summary>
public static class GraphQLHttp
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Indented JSON with readable non-ASCII text, for response snapshots.</summary>
    public static string ToSnapshotJson(this JsonNode node) => node.ToJsonString(Readable);

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string? operationName = null)
    {
        var response = await client.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonNode.Parse(text) ?? throw new JsonException("empty body"));
    }
}
