using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>
/// The trusted documents, by id. An id is the lower-case hex SHA-256 of the document's UTF-8 bytes, asked for as
/// <c>sha256:&lt;hex&gt;</c> (GraphQL-over-HTTP persisted documents) or as bare hex (HotChocolate, APQ's <c>sha256Hash</c>).
/// </summary>
public sealed class TrustedDocumentStore
{
    /// <summary>The prefix of a GraphQL-over-HTTP document id naming its hash algorithm.</summary>
    public const string Sha256Prefix = "sha256:";

    private const string Extension = ".graphql";

    private readonly FrozenDictionary<string, TrustedDocument> _byId;
    private readonly FrozenSet<string> _contentIds;
    private readonly FrozenSet<string> _fingerprints;

    /// <summary>A store of <paramref name="documents"/>; <paramref name="aliases"/> adds further ids (e.g. a file's own hash name).</summary>
    public TrustedDocumentStore(IEnumerable<TrustedDocument> documents, IEnumerable<KeyValuePair<string, TrustedDocument>>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var byId = new Dictionary<string, TrustedDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            byId.TryAdd(document.Id, document);
        }

        _contentIds = byId.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, document) in aliases ?? [])
        {
            byId.TryAdd(alias, document);
        }

        _byId = byId.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Documents = [.. byId.Values.Distinct()];
        _fingerprints = Documents.Select(d => DocumentFingerprint.Of(d.Text)).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>An empty store: every document id is unknown.</summary>
    public static TrustedDocumentStore Empty { get; } = new([]);

    /// <summary>The documents, each once.</summary>
    public IReadOnlyList<TrustedDocument> Documents { get; }

    /// <summary>
    /// Finds the document of <paramref name="documentId"/> (<c>sha256:&lt;hex&gt;</c> or <c>&lt;hex&gt;</c>, any case).
    /// Ids with another prefix (<c>md5:...</c>) are never found.
    /// </summary>
    public bool TryGet(string? documentId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TrustedDocument? document)
    {
        document = null;
        if (string.IsNullOrEmpty(documentId))
        {
            return false;
        }

        var key = documentId.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase) ? documentId[Sha256Prefix.Length..] : documentId;
        return !key.Contains(':', StringComparison.Ordinal) && _byId.TryGetValue(key, out document);
    }

    /// <summary>Whether <paramref name="query"/> is, byte for byte, the text of a trusted document.</summary>
    public bool ContainsText(string query) => _contentIds.Count > 0 && _contentIds.Contains(ComputeId(query));

    /// <summary>
    /// Whether <paramref name="query"/> is a trusted document: its exact text, or the same document as a client prints it
    /// (other whitespace, commas and comments, the <c>__typename</c> fields clients add; <see cref="DocumentFingerprint"/>).
    /// </summary>
    public bool ContainsDocument(string query) =>
        ContainsText(query) || (_fingerprints.Count > 0 && DocumentFingerprint.Of(query) is { } fingerprint && _fingerprints.Contains(fingerprint));

    /// <summary>The id of a document text: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string ComputeId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Loads every <c>.graphql</c> file under <paramref name="folder"/> (subfolders included). Throws
    /// <see cref="TrustedDocumentException"/> naming the file when one is not UTF-8 or not a GraphQL document with an operation.
    /// </summary>
    public static TrustedDocumentStore Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new TrustedDocumentException($"The trusted documents folder '{folder}' does not exist.");
        }

        var documents = new List<TrustedDocument>();
        var aliases = new List<KeyValuePair<string, TrustedDocument>>();
        var manifests = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(PersistedQueryManifest.IsManifest).Order(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            foreach (var (id, text, name) in PersistedQueryManifest.Read(manifest))
            {
                var document = Check(text, $"{manifest} (operation '{name}')");
                documents.Add(document);
                if (!id.Equals(document.Id, StringComparison.OrdinalIgnoreCase))
                {
                    aliases.Add(new(id, document));
                }
            }
        }

        var files = Directory.EnumerateFiles(folder, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var document = Read(file);
            documents.Add(document);
            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            if (name.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[Sha256Prefix.Length..];
            }

            if (name.Length >= 32 && name.All(char.IsAsciiHexDigit) && !name.Equals(document.Id, StringComparison.OrdinalIgnoreCase))
            {
                aliases.Add(new(name, document));
            }
        }

        return new TrustedDocumentStore(documents, aliases);
    }

    private static TrustedDocument Read(string file)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(StripBom(File.ReadAllBytes(file)));
        }
        catch (DecoderFallbackException)
        {
            throw new TrustedDocumentException($"The trusted document '{file}' is not UTF-8 text.");
        }

        return Check(text, file);
    }

    /// <summary>A trusted document of <paramref name="text"/> from <paramref name="source"/>, which must hold an operation.</summary>
    private static TrustedDocument Check(string text, string source)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(text);
            if (!document.Definitions.Any(d => d is GraphQLOperationDefinition))
            {
                throw new TrustedDocumentException($"The trusted document '{source}' holds no operation.");
            }
        }
        catch (GraphQLParserException e)
        {
            throw new TrustedDocumentException($"The trusted document '{source}' is not a GraphQL document: {e.Description} ({e.Location.Line}:{e.Location.Column}).");
        }

        return new TrustedDocument(ComputeId(text), text, source);
    }

    private static byte[] StripBom(byte[] bytes) =>
        bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;
}
