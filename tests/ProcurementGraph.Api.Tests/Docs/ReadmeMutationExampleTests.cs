using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Docs;

/// <summary>The curl examples of the README's "Changing data" section run, in order, as the personas they name, and succeed.</summary>
public sealed partial class ReadmeMutationExampleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Changing_data_examples_run_and_succeed()
    {
        // Arrange
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Changing data", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var clients = new Dictionary<string, HttpClient>
        {
            ["EDITOR"] = api.CreateAs(Editor),
            ["RATER"] = api.CreateRater("MFG-EU"),
            ["PARTNER"] = api.CreateClient([Partner], new Dictionary<string, object> { ["supplier_id"] = "42" }),
            ["ADMIN"] = api.CreateAs(Admin),
        };
        var requests = Curl().Matches(section).ToList();
        string? version = null;

        // Act and assert
        Assert.Equal(6, requests.Count);
        foreach (var request in requests)
        {
            // $VERSION, $UNIT_VERSION: the version the example read just before
            var json = Version().Replace(request.Groups["body"].Value, version ?? string.Empty);
            using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            if (request.Groups["key"].Success)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", request.Groups["key"].Value);
            }

            var response = await clients[request.Groups["who"].Value].SendAsync(message);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(body["errors"] is null, body.ToJsonString());
            var payload = body["data"]!.AsObject().Single().Value!;
            Assert.True(payload["errors"] is null, payload.ToJsonString());
            version = (string?)payload["version"] ?? version;
        }
    }

    [GeneratedRegex("""Bearer \$(?<who>[A-Z]+)" -H 'content-type: application/json'(?: -H 'Idempotency-Key: (?<key>[^']+)')?(?: \\\n\s+)? -d '(?<body>\{"query":.*?\})'""", RegexOptions.Singleline)]
    private static partial Regex Curl();

    [GeneratedRegex("""'"\$[A-Z_]*VERSION"'""")]
    private static partial Regex Version();
}
