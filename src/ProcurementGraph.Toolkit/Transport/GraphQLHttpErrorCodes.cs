namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Error codes (<c>extensions.code</c>) the GraphQL-over-HTTP endpoint writes for transport-level failures.
/// HotChocolate's codes are used where HotChocolate has one.
/// </summary>
public static class GraphQLHttpErrorCodes
{
    /// <summary>The request is not a well-formed GraphQL-over-HTTP request (status 400).</summary>
    public const string RequestInvalid = "HC0009";

    /// <summary>The request body is bigger than <see cref="GraphQLHttpOptions.MaxRequestBodyBytes"/> (status 413).</summary>
    public const string MaxRequestSize = "HC0010";

    /// <summary>The request body or a JSON query-string parameter is not valid UTF-8 JSON (status 400).</summary>
    public const string RequestSyntaxError = "HC0011";

    /// <summary>Neither <c>query</c> nor <c>documentId</c> was given (status 400).</summary>
    public const string QueryAndIdMissing = "HC0013";

    /// <summary>The <c>Accept</c> header allows no media type the endpoint can produce (status 406).</summary>
    public const string AcceptHeaderNotSupported = "HC0063";

    /// <summary>The <c>Accept</c> header cannot be parsed (status 400).</summary>
    public const string AcceptHeaderInvalid = "HC0064";

    /// <summary>The POST body has a media type other than <c>application/json</c> with UTF-8 (status 415).</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The HTTP method is neither GET nor POST (status 405).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>A mutation or subscription was requested with GET (status 405).</summary>
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";
}
