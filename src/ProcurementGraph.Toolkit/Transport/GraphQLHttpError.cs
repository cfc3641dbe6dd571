using Microsoft.AspNetCore.Http;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// A transport-level failure: answered with <see cref="StatusCode"/> and a single GraphQL error, nothing is executed.
/// <see cref="Data"/> entries go to the error's <c>extensions</c> (e.g. HC0020's <c>requestedKey</c>).
/// </summary>
internal sealed record GraphQLHttpError(
    int StatusCode, string Code, string Message, string? Allow = null, IReadOnlyDictionary<string, object?>? Data = null)
{
    public static GraphQLHttpError RequestInvalid(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.RequestInvalid, message);

    public static GraphQLHttpError SyntaxError(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.RequestSyntaxError, message);

    public static GraphQLHttpError QueryAndIdMissing() =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.QueryAndIdMissing,
            "Either the parameter `query` or the parameter `documentId` has to be set.");

    public static GraphQLHttpError RequestTooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, GraphQLHttpErrorCodes.MaxRequestSize,
            $"The request body exceeds the maximum allowed size of {maxBytes} bytes.");

    public static GraphQLHttpError UnsupportedMediaType() =>
        new(StatusCodes.Status415UnsupportedMediaType, GraphQLHttpErrorCodes.UnsupportedMediaType,
            "POST requests must have the content type `application/json` (UTF-8).");

    public static GraphQLHttpError AcceptHeaderInvalid() =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.AcceptHeaderInvalid,
            "The Accept header is invalid.");

    public static GraphQLHttpError NotAcceptable() =>
        new(StatusCodes.Status406NotAcceptable, GraphQLHttpErrorCodes.AcceptHeaderNotSupported,
            "The Accept header allows neither `application/graphql-response+json` nor `application/json`.");

    public static GraphQLHttpError MethodNotAllowed() =>
        new(StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.MethodNotAllowed,
            "Only GET and POST requests are supported.", "GET, POST");

    public static GraphQLHttpError OperationNotAllowed() =>
        new(StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.OperationNotAllowed,
            "Only query operations can be executed with GET; use POST for mutations and subscriptions.", "POST");

    public static GraphQLHttpError StreamNotAccepted() =>
        new(StatusCodes.Status406NotAcceptable, Subscriptions.SubscriptionErrorCodes.StreamNotAccepted,
            "A subscription streams its events: open a WebSocket (`graphql-transport-ws`) or POST it with `Accept: text/event-stream`.");

    public static GraphQLHttpError IdempotencyKeyInvalid(string header, int maxLength) =>
        new(StatusCodes.Status400BadRequest, "IDEMPOTENCY_KEY_INVALID",
            $"The `{header}` header must be 1 to {maxLength} printable ASCII characters.");

    public static GraphQLHttpError IdempotencyKeyReused(string header) =>
        new(StatusCodes.Status422UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED",
            $"This `{header}` was already used with a different request. Use a new key for a new request.");

    public static GraphQLHttpError IdempotencyKeyInUse(string header) =>
        new(StatusCodes.Status409Conflict, "IDEMPOTENCY_KEY_IN_USE",
            $"A request with this `{header}` is still being executed. Retry later to get its answer.");
}
