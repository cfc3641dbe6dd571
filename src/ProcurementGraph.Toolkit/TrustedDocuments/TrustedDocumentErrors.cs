using Microsoft.AspNetCore.Http;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>The trusted document errors, with HotChocolate's codes, messages and statuses.</summary>
internal static class TrustedDocumentErrors
{
    /// <summary>HotChocolate's <c>PersistedOperationNotFound</c>: the id of <c>documentId</c> is unknown.</summary>
    public static GraphQLHttpError NotFound(string requestedKey) =>
        new(StatusCodes.Status400BadRequest, TrustedDocumentErrorCodes.PersistedOperationNotFound,
            "The specified persisted operation key is invalid.",
            Data: new Dictionary<string, object?> { ["requestedKey"] = requestedKey });

    /// <summary>The APQ form's unknown hash: the message APQ clients (Apollo, Relay) look for before they send the text.</summary>
    public static GraphQLHttpError PersistedQueryNotFound() =>
        new(StatusCodes.Status400BadRequest, TrustedDocumentErrorCodes.PersistedOperationNotFound, "PersistedQueryNotFound");

    /// <summary>HotChocolate's <c>OnlyPersistedOperationsAllowed</c>.</summary>
    public static GraphQLHttpError OnlyTrustedAllowed() =>
        new(StatusCodes.Status400BadRequest, TrustedDocumentErrorCodes.OnlyPersistedOperationsAllowed, "Only persisted operations are allowed.");

    /// <summary>An APQ hash that does not describe the text sent with it (HotChocolate's extension names for the two hashes).</summary>
    public static GraphQLHttpError HashMismatch(string providedHash, string expectedHash) =>
        new(StatusCodes.Status400BadRequest, TrustedDocumentErrorCodes.PersistedQueryHashMismatch, "provided sha does not match query",
            Data: new Dictionary<string, object?> { ["sha256Hash"] = providedHash, ["expectedHashValue"] = expectedHash });
}
