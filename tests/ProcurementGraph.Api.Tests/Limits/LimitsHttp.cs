using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>Posts GraphQL requests with an explicit Accept and an optional <c>GraphQL-Cost</c> header.</summary>
internal static class LimitsHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(
        this HttpClient client, string query, string? cost = null, string accept = GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (cost is not null)
        {
            request.Headers.Add("GraphQL-Cost", cost);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonNode.Parse(text) ?? throw new JsonException("empty body"));
    }

    public static string? Code(this JsonNode body, int index = 0) => (string?)body["errors"]?[index]?["extensions"]?["code"];
}
