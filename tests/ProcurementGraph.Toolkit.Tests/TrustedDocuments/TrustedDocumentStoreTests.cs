using System.Security.Cryptography;
using System.Text;
using ProcurementGraph.Toolkit.TrustedDocuments;

namespace ProcurementGraph.Toolkit.Tests.TrustedDocuments;

public sealed class TrustedDocumentStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trusted-docs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_is_registered_under_the_sha256_of_its_bytes_as_sha256sum_prints_it()
    {
        // Arrange
        var text = "query Hello {\n  hello\n}\n";
        File.WriteAllText(Path.Combine(_folder, "Hello.graphql"), text);
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        // Act
        var store = TrustedDocumentStore.Load(_folder);

        // Assert
        var document = Assert.Single(store.Documents);
        Assert.Equal(hex, document.Id);
        Assert.Equal(text, document.Text);
        Assert.True(store.TryGet("sha256:" + hex, out _));
        Assert.True(store.TryGet(hex, out _));
        Assert.True(store.TryGet("SHA256:" + hex.ToUpperInvariant(), out _));
        Assert.True(store.ContainsText(text));
        Assert.False(store.ContainsText(text + " "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256:")]
    [InlineData("md5:0123")]
    [InlineData("sha256:sha256:abc")]
    [InlineData("not-a-hash")]
    public void Unknown_or_malformed_ids_are_not_found(string? id)
    {
        // Arrange
        File.WriteAllText(Path.Combine(_folder, "Hello.graphql"), "{ hello }");
        var store = TrustedDocumentStore.Load(_folder);

        // Act
        var found = store.TryGet(id, out var document);

        // Assert
        Assert.False(found);
        Assert.Null(document);
    }

    [Fact]
    public void Subfolders_are_read_a_utf8_bom_is_not_part_of_the_text_and_hash_named_files_keep_their_name_as_an_id()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_folder, "portal"));
        File.WriteAllBytes(Path.Combine(_folder, "portal", "Bom.graphql"), [0xEF, 0xBB, 0xBF, .. "{ hello }"u8]);
        var exportedId = new string('a', 32);
        File.WriteAllText(Path.Combine(_folder, exportedId + ".graphql"), "query Exported { hello }");

        // Act
        var store = TrustedDocumentStore.Load(_folder);

        // Assert
        Assert.Equal(2, store.Documents.Count);
        Assert.True(store.TryGet(TrustedDocumentStore.ComputeId("{ hello }"), out var bom));
        Assert.Equal("{ hello }", bom.Text);
        Assert.True(store.TryGet(exportedId, out var exported));
        Assert.Equal("query Exported { hello }", exported.Text);
        Assert.True(store.TryGet(TrustedDocumentStore.ComputeId("query Exported { hello }"), out _));
    }

    [Theory]
    [InlineData("query { hello", "is not a GraphQL document")]
    [InlineData("fragment F on Query { hello }", "holds no operation")]
    public void A_file_that_is_not_an_operation_stops_the_load_naming_the_file(string text, string reason)
    {
        // Arrange
        File.WriteAllText(Path.Combine(_folder, "Broken.graphql"), text);

        // Act
        var error = Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(_folder));

        // Assert
        Assert.Contains("Broken.graphql", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_and_a_missing_folder_are_refused()
    {
        // Arrange
        File.WriteAllBytes(Path.Combine(_folder, "Latin1.graphql"), [.. "{ echo(text: \""u8, 0xE9, .. "\") }"u8]);

        // Act
        var notUtf8 = Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(_folder));
        var missing = Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(Path.Combine(_folder, "nope")));

        // Assert
        Assert.Contains("not UTF-8", notUtf8.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }
}
