using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Docs;

/// <summary>
/// The curl examples of the README's "Changing data" section run, in order, as the personas they name, and succeed; a
/// request assigned to a shell variable (<c>VERSION=$(curl ...)</c>) gives it the payload's <c>version</c> for the later ones.
/// </summary>
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
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? last = null;

        // Act and assert
        Assert.Equal(11, requests.Count);
        foreach (var request in requests)
        {
            var json = variables.Aggregate(request.Groups["body"].Value, (text, variable) => text.Replace($"'\"${variable.Key}\"'", variable.Value, StringComparison.Ordinal));
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
            if (request.Groups["variable"].Success)
            {
                variables[request.Groups["variable"].Value] = (string?)payload["version"] ?? throw new InvalidOperationException(payload.ToJsonString());
            }

            last = payload;
        }

        // The admin's history of supplier 42 shows the partner's change last made
        Assert.Equal("updateMySupplierContact", (string?)last!["history"]!["nodes"]![0]!["operation"]);
    }

    [GeneratedRegex("""(?:(?<variable>[A-Z_]+)=\$\(curl [^\n]*?)?Bearer \$(?<who>[A-Z]+)" -H 'content-type: application/json'(?: -H 'Idempotency-Key: (?<key>[^']+)')?(?: \\\n\s+)? -d '(?<body>\{"query":.*?\})'""", RegexOptions.Singleline)]
    private static partial Regex Curl();
}
