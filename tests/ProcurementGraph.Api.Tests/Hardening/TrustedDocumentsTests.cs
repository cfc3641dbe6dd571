using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.TrustedDocuments;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>The shipped trusted documents (<c>trusted-documents/</c>) through HTTP: by id, unknown ids, "only trusted" for partners.</summary>
public sealed partial class TrustedDocumentsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_shipped_document_runs_by_its_id_without_errors()
    {
        // Arrange
        var client = api.CreateClient();
        var documents = api.Services.GetRequiredService<TrustedDocumentStore>().Documents;

        // Act + Assert
        Assert.True(documents.Count >= 4, $"{documents.Count} shipped documents");
        foreach (var document in documents)
        {
            var (response, body) = await PostAsync(client, new { documentId = TrustedDocumentStore.Sha256Prefix + document.Id });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{document.Source}: {body.ToJsonString()}");
            Assert.True(body["errors"] is null, $"{document.Source}: {body.ToJsonString()}");
            Assert.NotNull(body["data"]);
        }
    }

    [Fact]
    public void The_readme_names_the_ids_of_the_shipped_documents()
    {
        // Arrange
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var shipped = api.Services.GetRequiredService<TrustedDocumentStore>().Documents.Select(d => d.Id).ToHashSet();

        // Act
        var named = Sha256Id().Matches(readme).Select(m => m.Groups[1].Value).ToHashSet();

        // Assert
        Assert.NotEmpty(named);
        Assert.Subset(shipped, named);
    }

    [Fact]
    public async Task The_readme_examples_are_trusted_documents_byte_for_byte()
    {
        // Arrange
        var client = api.CreateClient();
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var examples = GraphQLBlock().Matches(readme).Select(m => m.Groups[1].Value)
            .Where(q => q.StartsWith("query SupplierScorecard ", StringComparison.Ordinal)
                || q.StartsWith("query ExpiringContracts ", StringComparison.Ordinal)
                || q.StartsWith("query GoalDashboard ", StringComparison.Ordinal))
            .ToList();
        var store = api.Services.GetRequiredService<TrustedDocumentStore>();

        // Act + Assert
        Assert.Equal(3, examples.Count);
        foreach (var example in examples)
        {
            Assert.True(store.ContainsText(example), example);
            var (response, _) = await PostAsync(client, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = TrustedDocumentStore.ComputeId(example) } } });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_id_is_HC0020_with_the_requested_key_in_extensions()
    {
        // Arrange
        var client = api.CreateClient();
        var id = "sha256:" + new string('f', 64);

        // Act
        var (response, body) = await PostAsync(client, new { documentId = id });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("The specified persisted operation key is invalid.", (string?)error["message"]);
        Assert.Equal("HC0020", (string?)error["extensions"]!["code"]);
        Assert.Equal(id, (string?)error["extensions"]!["requestedKey"]);
    }

    [Fact]
    public async Task Partners_may_send_only_trusted_documents_when_configured_and_readers_still_send_any()
    {
        // Arrange
        using var partnerFactory = api.WithWebHostBuilder(b => b
            .UseSetting("GraphQL:TrustedDocuments:OnlyTrustedForRoles:0", "Partner")
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Partner")
            .UseSetting("Security:DevelopmentIdentity:SupplierId", "1"));
        using var readerFactory = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:TrustedDocuments:OnlyTrustedForRoles:0", "Partner"));
        var partner = partnerFactory.CreateClient();
        var me = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ProcurementGraph.Api", "trusted-documents", "Me.graphql"));

        // Act
        var (adHocResponse, adHocBody) = await partner.PostGraphQLAsync("{ me { isPartner } }");
        var (trustedResponse, trustedBody) = await PostAsync(partner, new { documentId = TrustedDocumentStore.ComputeId(me) });
        var (readerResponse, _) = await readerFactory.CreateClient().PostGraphQLAsync("{ me { isPartner } }");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, adHocResponse.StatusCode);
        Assert.Equal("HC0067", (string?)adHocBody["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(HttpStatusCode.OK, trustedResponse.StatusCode);
        Assert.True((bool)trustedBody["data"]!["me"]!["isPartner"]!);
        Assert.Equal(HttpStatusCode.OK, readerResponse.StatusCode);
    }

    [Fact]
    public async Task A_configured_folder_that_does_not_exist_stops_the_start_with_one_line_naming_the_setting()
    {
        // Arrange
        var database = await TestDatabase.CopyDemoAsync();
        try
        {
            // Act
            var result = await ApiProcess.RunAsync(
                [],
                ("ASPNETCORE_ENVIRONMENT", "Development"),
                ("Database__ConnectionString", TestDatabase.ConnectionString(database)),
                ("Database__MigrateOnStart", "false"),
                ("Database__SeedOnStart", "false"),
                ("GraphQL__TrustedDocuments__Path", "no-such-folder"));

            // Assert
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("GraphQL:TrustedDocuments:Path: The trusted documents folder '", line, StringComparison.Ordinal);
            Assert.Contains("no-such-folder' does not exist.", line, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabase.Delete(database);
        }
    }

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/graphql", body);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [GeneratedRegex(@"sha256:([0-9a-f]{64})")]
    private static partial Regex Sha256Id();

    [GeneratedRegex(@"```graphql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
