using System.Security.Claims;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using ProcurementGraph.Server.Transport;

namespace ProcurementGraph.Server.TrustedDocuments;

/// <summary>
/// Called by the GraphQL-over-HTTP endpoint for every request it read: replaces a document id (<c>documentId</c>, or APQ's
/// <c>extensions.persistedQuery.sha256Hash</c>) with the trusted document's text, and refuses other documents from callers
/// who may send trusted documents only.
/// </summary>
internal sealed class TrustedDocumentResolver(TrustedDocumentStore store, IOptions<TrustedDocumentOptions> options)
{
    private readonly TrustedDocumentOptions _options = options.Value;

    public GraphQLHttpError? Resolve(ClaimsPrincipal user, GraphQLRequest request)
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

        if (request.Query is null && hash is not null)
        {
            // APQ's first request: the hash alone. There is no registration: a client that sends the text next runs it as
            // any other document (and so only when the caller may send documents that are not trusted).
            return Use(request, hash, TrustedDocumentErrors.PersistedQueryNotFound());
        }

        return request.Query is { } query && OnlyTrusted(user) && !store.ContainsText(query)
            ? TrustedDocumentErrors.OnlyTrustedAllowed()
            : null;
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
