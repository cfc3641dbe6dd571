namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>Error codes (<c>extensions.code</c>) of subscriptions and their transports.</summary>
public static class SubscriptionErrorCodes
{
    /// <summary>The subscription's queue overflowed (a slow consumer) and it was ended.</summary>
    public const string SlowConsumer = "SUBSCRIPTION_SLOW_CONSUMER";

    /// <summary>The event bus lost events (a backplane went away); the subscription goes on when it is back.</summary>
    public const string EventsInterrupted = "SUBSCRIPTION_EVENTS_INTERRUPTED";

    /// <summary>A connection asked for more subscriptions at once than the server allows.</summary>
    public const string TooManySubscriptions = "MAX_SUBSCRIPTIONS_EXCEEDED";

    /// <summary>A caller opened more subscription connections (WebSocket or SSE) than the server allows.</summary>
    public const string TooManyConnections = "MAX_CONNECTIONS_EXCEEDED";

    /// <summary>A subscription was sent where no stream can be answered (HTTP without <c>Accept: text/event-stream</c>).</summary>
    public const string StreamNotAccepted = "SUBSCRIPTION_STREAM_NOT_ACCEPTED";

    /// <summary>The caller's token expired: its subscriptions end.</summary>
    public const string TokenExpired = "AUTH_TOKEN_EXPIRED";
}
