using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>
/// The persisted-operation manifests client tools write, read as trusted documents:
/// <list type="bullet">
/// <item>Apollo's <c>persisted-query-manifest.json</c> (<c>@apollo/generate-persisted-query-manifest</c>):
/// <c>{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name", "type", "body"}]}</c>, the id
/// the SHA-256 of the body as Apollo Client prints and hashes it at run time;</item>
/// <item>Relay's <c>persisted_queries.json</c> (relay-compiler's <c>persistConfig</c>): <c>{"&lt;id&gt;": "&lt;text&gt;"}</c>, the id the
/// MD5, SHA-1 or SHA-256 hex of the text (the compiler's <c>algorithm</c>).</item>
/// </list>
/// Each id is checked against its text: a manifest that does not hash as its tool hashes is refused.
/// </summary>
public static class PersistedQueryManifest
{
    public const string ApolloFileName = "persisted-query-manifest.json";
    public const string RelayFileName = "persisted_queries.json";

    /// <summary>Whether <paramref name="file"/> is named as one of the manifests.</summary>
    public static bool IsManifest(string file) =>
        Path.GetFileName(file) is ApolloFileName or RelayFileName;

    /// <summary>The (id, text, name) of every operation in the manifest; throws <see cref="TrustedDocumentException"/> naming the file.</summary>
    public static IReadOnlyList<(string Id, string Text, string Name)> Read(string file)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException e)
        {
            throw new TrustedDocumentException($"The manifest '{file}' is not JSON: {e.Message}");
        }

        using (json)
        {
            return Path.GetFileName(file) == ApolloFileName ? ReadApollo(file, json.RootElement) : ReadRelay(file, json.RootElement);
        }
    }

    private static List<(string, string, string)> ReadApollo(string file, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != "apollo-persisted-query-manifest"
            || !root.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
        {
            throw new TrustedDocumentException(
                $"The manifest '{file}' is not an Apollo persisted query manifest (format \"apollo-persisted-query-manifest\" with operations).");
        }

        var result = new List<(string, string, string)>();
        foreach (var operation in operations.EnumerateArray())
        {
            var id = String(operation, "id");
            var body = String(operation, "body");
            var name = String(operation, "name") ?? id ?? "?";
            if (id is null || body is null)
            {
                throw new TrustedDocumentException($"The manifest '{file}' has an operation ('{name}') without a string id and body.");
            }

            if (!id.Equals(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))), StringComparison.OrdinalIgnoreCase))
            {
                throw new TrustedDocumentException($"The manifest '{file}': the id of operation '{name}' is not the SHA-256 of its body.");
            }

            result.Add((id.ToLowerInvariant(), body, name));
        }

        return result;
    }

    private static List<(string, string, string)> ReadRelay(string file, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TrustedDocumentException($"The manifest '{file}' is not a Relay persisted queries map ({{\"<id>\": \"<text>\"}}).");
        }

        var result = new List<(string, string, string)>();
        foreach (var entry in root.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw new TrustedDocumentException($"The manifest '{file}': the value of '{entry.Name}' is not a document text.");
            }

            var text = entry.Value.GetString()!;
            var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are the ids relay-compiler writes, not a security boundary: the text is checked against them.
            string[] hashes = [Hex(MD5.HashData(bytes)), Hex(SHA1.HashData(bytes)), Hex(SHA256.HashData(bytes))];
#pragma warning restore CA5350, CA5351
            if (!hashes.Contains(entry.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new TrustedDocumentException(
                    $"The manifest '{file}': the id '{entry.Name}' is not the MD5, SHA-1 or SHA-256 of its text.");
            }

            result.Add((entry.Name.ToLowerInvariant(), text, entry.Name));
        }

        return result;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
