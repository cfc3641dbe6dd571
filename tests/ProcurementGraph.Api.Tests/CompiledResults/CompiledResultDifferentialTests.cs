using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Querying.Compiled;
using Xunit.Abstractions;

namespace ProcurementGraph.Api.Tests.CompiledResults;

/// <summary>
/// The compiled result path answers exactly what the general executor answers (issue 17 item 2): every request of the corpus
/// (<see cref="CompiledResultCorpus"/>) as an anonymous development caller, a reader, an admin and a partner, sent to a host
/// with <c>GraphQL:Execution:CompiledResults</c> on and to one with it off, gets the same status and the same body, byte for
/// byte once object keys are put in order (and masked errors' correlation ids, which differ per request, are blanked).
/// The compiled host's counters show the compiled path did answer (and which shapes it left to the general path).
/// </summary>
public sealed class CompiledResultDifferentialTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Readme_examples_front_end_scenarios_and_shapes_answer_the_same_on_both_paths()
    {
        // Arrange
        using var hosts = new Hosts(api);
        var documents = CompiledResultCorpus.ReadmeExamples().Concat(CompiledResultCorpus.FrontEndScenarios()).Concat(CompiledResultCorpus.Shapes()).ToList();
        Assert.True(documents.Count > 20, $"only {documents.Count} documents found");
        var failures = new List<string>();

        // Act
        foreach (var (name, query) in documents)
        {
            foreach (var (role, token) in hosts.Callers)
            {
                if (await hosts.CompareAsync(() => CompiledResultCorpus.Request(query, token)) is { } difference)
                {
                    failures.Add($"{name} as {role}: {difference}");
                }
            }
        }

        // Assert
        output.WriteLine($"{documents.Count} documents × {hosts.Callers.Count} callers; compiled {hosts.Counters.Compiled}, general {hosts.Counters.General} (last: {hosts.Counters.LastReason})");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        Assert.True(hosts.Counters.Compiled > documents.Count, $"the compiled path answered only {hosts.Counters.Compiled} root fields");
    }

    [Fact]
    public async Task The_fuzzers_requests_answer_the_same_on_both_paths()
    {
        // Arrange
        using var hosts = new Hosts(api);
        var cases = CompiledResultCorpus.Fuzzed(hosts.General.Services.GetRequiredService<ISchema>(), 3_000).ToList();
        var failures = new List<string>();

        // Act
        foreach (var fuzzCase in cases)
        {
            var (role, token) = hosts.Callers[fuzzCase.Number % hosts.Callers.Count];
            if (await hosts.CompareAsync(() => CompiledResultCorpus.Request(fuzzCase, token)) is { } difference)
            {
                failures.Add($"{fuzzCase} as {role}: {difference}");
            }
        }

        // Assert
        output.WriteLine($"{cases.Count} requests; compiled {hosts.Counters.Compiled}, general {hosts.Counters.General} (last: {hosts.Counters.LastReason})");
        Assert.True(failures.Count == 0, $"{failures.Count} differences, e.g.:\n" + string.Join("\n\n", failures.Take(5)));
        Assert.True(hosts.Counters.Compiled > cases.Count / 20, $"the compiled path answered only {hosts.Counters.Compiled} root fields");
    }

    [Theory]
    [InlineData("supplierList")]
    [InlineData("biExtract")]
    [InlineData("supplierScorecard")]
    [InlineData("nodeLookup")]
    [InlineData("contractsByCategoryQuarter")]
    public async Task The_bench_scenarios_take_the_compiled_path(string scenario)
    {
        // Arrange
        using var hosts = new Hosts(api);
        var query = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "bench", "lib", "queries", scenario + ".graphql"));
        var before = hosts.Counters.Compiled;

        // Act
        var difference = await hosts.CompareAsync(() =>
        {
            var request = CompiledResultCorpus.Request(query);
            request.Content = JsonContent(query, new JsonObject { ["id"] = "U3VwcGxpZXI6MQ==" });
            return request;
        });

        // Assert
        Assert.Null(difference);
        Assert.Equal(before + 1, hosts.Counters.Compiled);
    }

    [Fact]
    public async Task A_plan_compiled_for_one_request_serves_the_next_request_of_the_same_document_with_its_own_directives()
    {
        // Arrange: one document, so one plan; the second request meets an object type the first did not (compiled then)
        using var hosts = new Hosts(api);
        const string query = """
            query ($id: ID!, $show: Boolean = false) {
              node(id: $id) { __typename ... on Supplier { name city @skip(if: true) } ... on Contract { number title @include(if: $show) status @skip(if: $show) } }
            }
            """;
        var compiled = hosts.Counters.Compiled;

        // Act
        var differences = new List<string?>();
        foreach (var id in new[] { "U3VwcGxpZXI6MQ==", "Q29udHJhY3Q6MQ==", "Q29udHJhY3Q6Mg==" })
        {
            differences.Add(await hosts.CompareAsync(() =>
            {
                var request = CompiledResultCorpus.Request(query);
                request.Content = JsonContent(query, new JsonObject { ["id"] = id });
                return request;
            }));
        }

        // Assert
        Assert.All(differences, Assert.Null);
        Assert.Equal(compiled + 3, hosts.Counters.Compiled);
    }

    [Fact]
    public async Task A_get_answers_the_same_etag_on_both_paths_and_revalidates_on_the_compiled_one()
    {
        // Arrange
        using var hosts = new Hosts(api);
        var url = "/graphql?query=" + Uri.EscapeDataString("{ suppliers(first: 5, order: [{ name: ASC }]) { nodes { id name country } pageInfo { endCursor } } }");
        using var compiledClient = hosts.Compiled.CreateClient();
        using var generalClient = hosts.General.CreateClient();
        var compiled = hosts.Counters.Compiled;

        // Act
        using var fromCompiled = await compiledClient.GetAsync(url);
        using var fromGeneral = await generalClient.GetAsync(url);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.IfNoneMatch.Add(fromCompiled.Headers.ETag!);
        using var notModified = await compiledClient.SendAsync(revalidation);

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, fromCompiled.StatusCode);
        Assert.NotNull(fromCompiled.Headers.ETag);
        Assert.Equal(fromGeneral.Headers.ETag, fromCompiled.Headers.ETag);
        Assert.Equal(await fromGeneral.Content.ReadAsStringAsync(), await fromCompiled.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(compiled + 2, hosts.Counters.Compiled);
    }

    [Fact]
    public async Task A_field_the_caller_may_not_read_leaves_the_root_field_to_the_general_path_with_its_error()
    {
        // Arrange: a partner may not read another supplier's sensitive fields, or a field rule denies one
        using var hosts = new Hosts(api);
        const string query = """{ suppliers(first: 3) { nodes { name registrationNumber primaryContactEmail } } }""";
        var token = hosts.Callers.Single(c => c.Role == "partner").Token;
        var general = hosts.Counters.General;

        // Act
        var difference = await hosts.CompareAsync(() => CompiledResultCorpus.Request(query, token));
        var (_, body) = await SendAsync(hosts.Compiled, CompiledResultCorpus.Request(query, token));

        // Assert
        Assert.Null(difference);
        Assert.NotNull(body["errors"]);
        Assert.True(hosts.Counters.General > general);
    }

    private static StringContent JsonContent(string query, JsonObject variables) =>
        new(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task<(int Status, JsonNode Body)> SendAsync(WebApplicationFactory<Program> host, HttpRequestMessage request)
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>Two hosts over the fixture's database: the compiled path on (the default) and off.</summary>
    private sealed class Hosts : IDisposable
    {
        public Hosts(ApiFactory api)
        {
            Compiled = api.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "false"));
            General = api.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "false").UseSetting("GraphQL:Execution:CompiledResults", "false"));
            Callers =
            [
                ("development persona", null),
                ("reader", api.Token(["Procurement.Reader"])),
                ("admin", api.Token(["Procurement.Admin"])),
                ("partner", api.Token(["Partner"], new Dictionary<string, object> { ["supplier_id"] = "1" })),
            ];
            _compiledClient = Compiled.CreateClient();
            _generalClient = General.CreateClient();
        }

        private readonly HttpClient _compiledClient;
        private readonly HttpClient _generalClient;

        public WebApplicationFactory<Program> Compiled { get; }

        public WebApplicationFactory<Program> General { get; }

        public List<(string Role, string? Token)> Callers { get; }

        public CompiledResultCounters Counters => Compiled.Services.GetRequiredService<CompiledResultCounters>();

        /// <summary>Null when both hosts answer the same; otherwise both answers.</summary>
        public async Task<string?> CompareAsync(Func<HttpRequestMessage> request)
        {
            using var generalRequest = request();
            using var compiledRequest = request();
            using var generalResponse = await _generalClient.SendAsync(generalRequest);
            using var compiledResponse = await _compiledClient.SendAsync(compiledRequest);
            var generalBody = Normalise(await generalResponse.Content.ReadAsStringAsync());
            var compiledBody = Normalise(await compiledResponse.Content.ReadAsStringAsync());
            return generalResponse.StatusCode == compiledResponse.StatusCode && generalBody == compiledBody
                ? null
                : $"general {(int)generalResponse.StatusCode} {generalBody}\ncompiled {(int)compiledResponse.StatusCode} {compiledBody}";
        }

        public void Dispose()
        {
            _compiledClient.Dispose();
            _generalClient.Dispose();
            Compiled.Dispose();
            General.Dispose();
        }

        private static string Normalise(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            try
            {
                return Sorted(JsonNode.Parse(text))?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
            }
            catch (JsonException)
            {
                return text;
            }
        }

        private static JsonNode? Sorted(JsonNode? node) => node switch
        {
            JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Key == "correlationId" ? JsonValue.Create("*") : Sorted(p.Value)))),
            JsonArray array => new JsonArray([.. array.Select(Sorted)]),
            _ => node?.DeepClone(),
        };
    }
}
