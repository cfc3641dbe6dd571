using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.Transport;
using ProcurementGraph.Toolkit.TrustedDocuments;
using static ProcurementGraph.Toolkit.Tests.TestKit.TestHost;

namespace ProcurementGraph.Toolkit.Tests.TrustedDocuments;

/// <summary>Apollo's and Relay's manifests as trusted documents, found by the hashes those tools compute; client-printed texts in "only trusted".</summary>
public sealed class PersistedQueryManifestTests : IDisposable
{
    // As Apollo Client prints a document (graphql-js print, __typename added to selection sets below the root).
    private const string ApolloBody = "query Echoed {\n  echo(text: \"apollo\")\n}";
    private const string RelayText = "query RelayHello {\n  hello\n}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("manifests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

#pragma warning disable CA5351 // relay-compiler's default persist algorithm
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private void WriteApolloManifest(string id, string body) => File.WriteAllText(System.IO.Path.Combine(_folder, PersistedQueryManifest.ApolloFileName),
        JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id, name = "Echoed", type = "query", body } },
        }));

    private void WriteRelayManifest(string id, string text) => File.WriteAllText(
        System.IO.Path.Combine(_folder, "sub", PersistedQueryManifest.RelayFileName), JsonSerializer.Serialize(new Dictionary<string, string> { [id] = text }));

    [Fact]
    public async Task An_apollo_manifest_operation_runs_by_its_id_in_apq_form_and_as_documentId()
    {
        // Arrange
        WriteApolloManifest(Sha256(ApolloBody), ApolloBody);
        await using var host = await StartHostAsync(onlyTrusted: true);

        // Act
        var apq = await host.GetAsync(QueryString(("extensions", JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = Sha256(ApolloBody) } }))));
        var documentId = await host.PostAsync(JsonSerializer.Serialize(new { documentId = "sha256:" + Sha256(ApolloBody) }));

        // Assert
        Assert.Equal(HttpStatusCode.OK, apq.StatusCode);
        Assert.Equal("apollo", apq.Data.GetProperty("echo").GetString());
        Assert.Equal(HttpStatusCode.OK, documentId.StatusCode);
    }

    [Fact]
    public async Task A_relay_manifest_operation_runs_by_its_md5_id()
    {
        // Arrange
        Directory.CreateDirectory(System.IO.Path.Combine(_folder, "sub"));
        WriteRelayManifest(Md5(RelayText), RelayText);
        await using var host = await StartHostAsync(onlyTrusted: true);

        // Act
        var response = await host.PostAsync(JsonSerializer.Serialize(new { documentId = Md5(RelayText) }));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public void A_manifest_whose_ids_are_not_its_tools_hashes_is_refused_naming_the_file()
    {
        WriteApolloManifest(Sha256("something else"), ApolloBody);

        var error = Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(_folder));

        Assert.Contains(PersistedQueryManifest.ApolloFileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("'Echoed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_trusted_accepts_a_trusted_document_as_a_client_prints_it_and_refuses_a_different_one()
    {
        // Arrange: the file as a developer wrote it; the request as a client prints it (graphql-js layout, no comments).
        File.WriteAllText(System.IO.Path.Combine(_folder, "Greeting.graphql"), "query Greeting { hello, echo(text: \"x\") } # a comment\n");
        await using var host = await StartHostAsync(onlyTrusted: true);

        // Act
        var same = await host.PostQueryAsync("query Greeting {\n  hello\n  echo(text: \"x\")\n}");
        var different = await host.PostQueryAsync("query Greeting {\n  hello\n  echo(text: \"y\")\n}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal("x", same.Data.GetProperty("echo").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Equal(TrustedDocumentErrorCodes.OnlyPersistedOperationsAllowed, different.SingleErrorCode);
    }

    [Theory]
    [InlineData("query Nested { nested { value, other } } # a comment", "query Nested {\n  nested {\n    value\n    other\n    __typename\n  }\n}", true)]
    [InlineData("{ a { ... on B { c } } }", "{\n  a {\n    __typename\n    ... on B {\n      c\n      __typename\n    }\n  }\n}", true)]
    [InlineData("{ a { __typename } }", "{ a { __typename } }", true)]
    [InlineData("{ a { b } }", "{ a { b t: __typename } }", false)] // an aliased __typename is a field the client asked for
    [InlineData("{ a { b } }", "{ a { c } }", false)]
    [InlineData("query Q { a { ...F } } fragment F on A { b }", "fragment F on A { b } query Q { a { ...F } }", true)] // order written vs sorted
    [InlineData("query Q { a { ...F ...G } } fragment G on A { c } fragment F on A { b }", "fragment F on A { b } fragment G on A { c } query Q { a { ...F ...G } }", true)]
    [InlineData("query Q { a { ...F } } fragment F on A { b }", "fragment F on A { c } query Q { a { ...F } }", false)]
    public void The_fingerprint_ignores_layout_comments_added_typenames_and_the_order_of_definitions(string written, string printed, bool same)
    {
        Assert.Equal(same, DocumentFingerprint.Of(written) == DocumentFingerprint.Of(printed));
        Assert.NotNull(DocumentFingerprint.Of(written));
    }

    private Task<TestHost<TransportTestSchema>> StartHostAsync(bool onlyTrusted) =>
        TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services => services.AddTrustedDocuments(o =>
        {
            o.Path = _folder;
            o.OnlyTrusted = onlyTrusted;
        })).StartAsync();
}
