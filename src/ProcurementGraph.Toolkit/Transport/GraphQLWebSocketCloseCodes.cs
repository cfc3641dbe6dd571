namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Close codes of the WebSocket transport: graphql-ws's (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) for protocol errors, the WebSocket standard's (RFC 6455)
/// for the server's own conditions.
/// </summary>
public static class GraphQLWebSocketCloseCodes
{
    /// <summary>A message of an unknown type or shape.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary><c>connection_init</c>'s token was refused (as HTTP would refuse it), or the token expired.</summary>
    public const int Forbidden = 4403;

    /// <summary>The handshake did not ask for the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within the setting's time.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>An unexpected server error.</summary>
    public const int InternalServerError = 4500;

    /// <summary>1001: the server is stopping (after <c>complete</c> for every subscription).</summary>
    public const int GoingAway = 1001;

    /// <summary>1008: the client does not read its messages fast enough (a slow consumer): its buffer is full.</summary>
    public const int SlowConsumer = 1008;

    /// <summary>1009: a message larger than <c>GraphQL:Http:MaxRequestBodyBytes</c>.</summary>
    public const int MessageTooBig = 1009;

    /// <summary>1013: the caller already has the most connections it may have open; try again later.</summary>
    public const int TooManyConnections = 1013;
}
