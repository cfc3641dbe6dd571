using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>The application's /graphql endpoint end to end (the transport's rules one by one are in the toolkit's tests).</summary>
public sealed class GraphQLEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Get_runs_a_query()
    {
        var client = api.CreateClient();

        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ suppliers(first: 2) { nodes { name } } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, body["data"]!["suppliers"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Graphql_response_json_is_negotiated_and_validation_errors_are_400()
    {
        var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ suppliers { nope } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(body["data"]);
        Assert.Contains("nope", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_over_get_is_405()
    {
        var client = api.CreateClient();

        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { x }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_coded_400_without_a_stack_trace()
    {
        var client = api.CreateClient();

        var response = await client.PostAsync("/graphql", new StringContent("{\"query\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotNull(JsonNode.Parse(text)!["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_content_type_is_415()
    {
        var client = api.CreateClient();

        var response = await client.PostAsync("/graphql", new StringContent("{ suppliers { nodes { name } } }", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Non_ascii_text_is_written_as_utf8()
    {
        var client = api.CreateClient();

        var response = await client.PostGraphQLAsync("{ suppliers(first: 500) { nodes { name city } } }");

        Assert.Equal("utf-8", response.Response.Content.Headers.ContentType!.CharSet);
        var raw = await response.Response.Content.ReadAsStringAsync();
        Assert.Contains(raw, c => c > 127);
        Assert.DoesNotContain("\\u00", raw, StringComparison.Ordinal);
    }
}
