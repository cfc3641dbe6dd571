using System.Security.Claims;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>
/// Called by the GraphQL-over-HTTP endpoint for every request it read: replaces a document id (<c>documentId</c>, or APQ's
/// <c>extensions.persistedQuery.sha256Hash</c>) with the trusted (or APQ-registered) document's text, registers APQ documents
/// sent with their verified hash, and refuses other documents from callers who may send trusted documents only.
/// </summary>
internal sealed class TrustedDocumentResolver(
    TrustedDocumentStore store, AutomaticPersistedQueryStore registered, IOptions<TrustedDocumentOptions> options)
{
    private readonly TrustedDocumentOptions _options = options.Value;

    public async ValueTask<GraphQLHttpError?> ResolveAsync(ClaimsPrincipal user, GraphQLRequest request, CancellationToken cancellationToken)
    {
        if (PersistedQueryExtension.Read(request.Extensions, out var hash) is { } extensionError)
        {
            return extensionError;
        }

        if (request.DocumentId is { } documentId)
        {
            if (request.Query is not null)
            {
                return GraphQLHttpError.RequestInvalid("Either the parameter `query` or the parameter `documentId` may be set, not both.");
            }

            return Use(request, documentId, TrustedDocumentErrors.NotFound(documentId));
        }

        var onlyTrusted = OnlyTrusted(user);
        var automatic = _options.AutomaticPersistedQueries.Enabled && !onlyTrusted;
        if (request.Query is null && hash is not null)
        {
            // APQ's first request: the hash alone. A trusted document, else one an APQ client registered (not for "only trusted"
            // callers); PersistedQueryNotFound makes the client send the text with the hash.
            if (automatic && !store.TryGet(hash, out _) && await registered.FindAsync(hash, cancellationToken).ConfigureAwait(false) is { } text)
            {
                request.Query = text;
                return null;
            }

            return Use(request, hash, TrustedDocumentErrors.PersistedQueryNotFound());
        }

        if (request.Query is not { } query)
        {
            return null;
        }

        if (hash is not null)
        {
            // APQ's registration: the hash must be the text's, or the text would be run (and kept) under a hash it does not have.
            var expected = TrustedDocumentStore.ComputeId(query);
            if (!expected.Equals(hash, StringComparison.OrdinalIgnoreCase))
            {
                return TrustedDocumentErrors.HashMismatch(hash, expected);
            }

            if (automatic && DocumentFingerprint.Of(query) is not null)
            {
                await registered.RegisterAsync(hash, query, cancellationToken).ConfigureAwait(false);
            }
        }

        return onlyTrusted && !store.ContainsDocument(query) ? TrustedDocumentErrors.OnlyTrustedAllowed() : null;
    }

    private GraphQLHttpError? Use(GraphQLRequest request, string id, GraphQLHttpError notFound)
    {
        if (!store.TryGet(id, out var document))
        {
            return notFound;
        }

        request.Query = document.Text;
        request.DocumentId = null;
        return null;
    }

    private bool OnlyTrusted(ClaimsPrincipal user) =>
        _options.OnlyTrusted || _options.OnlyTrustedForRoles.Any(user.IsInRole);
}
