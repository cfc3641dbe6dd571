using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>Persisted operations as Apollo and Relay clients make them, through the app (issue 14 item 7).</summary>
public sealed class PersistedQueryClientTests(ApiFactory api) : IClassFixture<ApiFactory>, IDisposable
{
    // How Apollo Client prints an operation (graphql-js print, __typename added below the root) and hashes it.
    private const string ApolloPrinted = "query TopSuppliers {\n  suppliers(first: 2, order: [{id: ASC}]) {\n    nodes {\n      name\n      __typename\n    }\n    __typename\n  }\n}";

    private readonly string _folder = Directory.CreateTempSubdirectory("pq-manifests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Extensions(string hash) => JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } });

    [Fact]
    public async Task Apollos_apq_round_trip_registers_on_post_and_the_next_get_by_hash_hits_with_an_etag()
    {
        // Arrange
        var client = api.CreateClient();
        var hash = Sha256(ApolloPrinted);
        var getUrl = "/graphql?operationName=TopSuppliers&extensions=" + Uri.EscapeDataString(Extensions(hash));
        using var miss = await client.GetAsync(getUrl);

        // Act: Apollo's PersistedQueryLink sends the text with the hash after PersistedQueryNotFound
        using var register = await client.PostAsJsonAsync("/graphql", new
        {
            query = ApolloPrinted,
            operationName = "TopSuppliers",
            extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } },
        });
        using var hit = await client.GetAsync(getUrl);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, getUrl);
        revalidate.Headers.IfNoneMatch.Add(hit.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        Assert.Contains("PersistedQueryNotFound", await miss.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        var body = JsonNode.Parse(await hit.Content.ReadAsStringAsync())!;
        Assert.Null(body["errors"]);
        Assert.Equal(2, body["data"]!["suppliers"]!["nodes"]!.AsArray().Count);
        Assert.NotNull(hit.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused_with_the_expected_hash()
    {
        var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "{ suppliers(first: 1) { totalCount } }",
            extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256("{ me { name } }") } },
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", (string?)error["extensions"]!["code"]);
        Assert.Equal(Sha256("{ suppliers(first: 1) { totalCount } }"), (string?)error["extensions"]!["expectedHashValue"]);
    }

    [Fact]
    public async Task In_trusted_only_mode_apollo_and_relay_manifests_answer_by_their_tools_hashes_and_nothing_registers()
    {
        // Arrange
        const string relayText = "query MeQuery {\n  me {\n    name\n  }\n}\n";
#pragma warning disable CA5351 // relay-compiler's MD5 ids
        var relayId = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(relayText)));
#pragma warning restore CA5351
        File.WriteAllText(Path.Combine(_folder, "persisted-query-manifest.json"), JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = Sha256(ApolloPrinted), name = "TopSuppliers", type = "query", body = ApolloPrinted } },
        }));
        File.WriteAllText(Path.Combine(_folder, "persisted_queries.json"), JsonSerializer.Serialize(new Dictionary<string, string> { [relayId] = relayText }));
        using var factory = api.WithWebHostBuilder(b => b
            .UseSetting("GraphQL:TrustedDocuments:Path", _folder)
            .UseSetting("GraphQL:TrustedDocuments:OnlyTrusted", "true"));
        var client = factory.CreateClient();

        // Act
        using var apollo = await client.GetAsync("/graphql?extensions=" + Uri.EscapeDataString(Extensions(Sha256(ApolloPrinted))));
        using var relay = await client.PostAsJsonAsync("/graphql", new { documentId = relayId });
        const string adHoc = "{ suppliers(first: 1) { totalCount } }";
        using var register = await client.PostAsJsonAsync("/graphql", new { query = adHoc, extensions = JsonNode.Parse(Extensions(Sha256(adHoc))) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, apollo.StatusCode);
        Assert.Null(JsonNode.Parse(await apollo.Content.ReadAsStringAsync())!["errors"]);
        Assert.Equal(HttpStatusCode.OK, relay.StatusCode);
        Assert.Equal("Development User", (string?)JsonNode.Parse(await relay.Content.ReadAsStringAsync())!["data"]!["me"]!["name"]);
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        Assert.Contains("HC0067", await register.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_trusted_only_mode_a_manifest_operation_sent_with_its_fragment_first_is_the_same_document_and_runs_unregistered()
    {
        // Arrange: the body as Apollo's generate-persisted-query-manifest writes it (operation first: sortTopLevelDefinitions),
        // and the text the plain `{ sha256 }` PersistedQueryLink prints and hashes for the same gql document (fragment first,
        // as it was written), sent by the link after its GET by that hash missed.
        const string query = "query SupplierContracts($id: ID!) {\n  supplier(id: $id) {\n    id\n    name\n    contracts(first: 2, order: [{endDate: DESC}]) {\n      nodes {\n        ...ContractLine\n        __typename\n      }\n      __typename\n    }\n    __typename\n  }\n}";
        const string fragment = "fragment ContractLine on Contract {\n  number\n  status\n  endDate\n  annualValue\n  __typename\n}";
        const string manifestBody = query + "\n\n" + fragment;
        const string linkText = fragment + "\n\n" + query;
        File.WriteAllText(Path.Combine(_folder, "persisted-query-manifest.json"), JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = Sha256(manifestBody), name = "SupplierContracts", type = "query", body = manifestBody } },
        }));
        using var factory = api.WithWebHostBuilder(b => b
            .UseSetting("GraphQL:TrustedDocuments:Path", _folder)
            .UseSetting("GraphQL:TrustedDocuments:OnlyTrusted", "true"));
        var client = factory.CreateClient();
        var variables = new { id = "U3VwcGxpZXI6MQ==" };
        var linkHash = Sha256(linkText);

        // Act
        using var sent = await client.PostAsJsonAsync("/graphql", new
        {
            query = linkText, operationName = "SupplierContracts", variables,
            extensions = new { persistedQuery = new { version = 1, sha256Hash = linkHash } },
        });
        using var byLinkHash = await client.GetAsync("/graphql?variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables))
            + "&extensions=" + Uri.EscapeDataString(Extensions(linkHash)));
        using var otherFragment = await client.PostAsJsonAsync("/graphql", new
        {
            query = linkText.Replace("annualValue", "annualSavings", StringComparison.Ordinal), variables,
        });

        // Assert
        Assert.NotEqual(Sha256(manifestBody), linkHash);
        var body = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        Assert.True(sent.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["errors"]);
        Assert.Equal("Contract", (string?)body["data"]!["supplier"]!["contracts"]!["nodes"]![0]!["__typename"]);
        Assert.Equal(HttpStatusCode.BadRequest, byLinkHash.StatusCode); // trusted-only: nothing registered
        Assert.Contains("PersistedQueryNotFound", await byLinkHash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherFragment.StatusCode);
        Assert.Contains("HC0067", await otherFragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_trusted_only_mode_a_shipped_document_as_apollo_prints_it_is_accepted()
    {
        // Arrange: trusted-documents/Me.graphql as Apollo Client prints it (graphql-js layout, __typename in nested selections).
        using var factory = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:TrustedDocuments:OnlyTrusted", "true"));
        const string printed = "query Me {\n  me {\n    name\n    roles\n    supplierId\n    businessUnit\n    isPartner\n    __typename\n  }\n}";
        var shipped = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ProcurementGraph.Api", "trusted-documents", "Me.graphql"));

        // Act
        var (response, body) = await factory.CreateClient().PostGraphQLAsync(printed);
        var (refused, _) = await factory.CreateClient().PostGraphQLAsync("query Me {\n  me {\n    name\n    __typename\n  }\n}");

        // Assert
        Assert.NotEqual(printed, shipped.TrimEnd());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Equal("Me", (string?)body["data"]!["me"]!["__typename"]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
