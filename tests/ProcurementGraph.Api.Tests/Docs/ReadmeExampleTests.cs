using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Docs;

/// <summary>The example queries in the README answer exactly the results the README shows (on the tests' demo data).</summary>
public sealed partial class ReadmeExampleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Examples() => [.. ReadExamples().Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Readme_example_answers_what_the_readme_shows(string name)
    {
        var (_, query, expected) = ReadExamples().Single(e => e.Name == name);
        var client = api.CreateClient();

        var (_, body) = await client.PostGraphQLAsync(query);

        Assert.Null(body["errors"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), body), $"README shows:\n{expected}\nthe server answers:\n{body.ToSnapshotJson()}");
    }

    private static IEnumerable<(string Name, string Query, string Result)> ReadExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        return Example().Matches(readme).Select(m => (m.Groups["name"].Value, m.Groups["query"].Value, m.Groups["result"].Value));
    }

    [GeneratedRegex(@"\*\*\d+\. (?<name>[^*]+)\*\*.*?```graphql\n(?<query>.*?)```\n```json\n(?<result>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
