using System.Text;
using System.Threading.Channels;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// GraphQL over Server-Sent Events, distinct connections mode (graphql-sse's protocol, https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md): the answer to one POST is a
/// <c>text/event-stream</c> of <c>event: next</c> messages (each an execution result) ended by <c>event: complete</c>; errors
/// before execution arrive as a <c>next</c> too. The client ends a subscription by closing the connection. As on WebSockets,
/// messages leave through a bounded buffer (a client that does not read is cut off), the caller's connections are counted, the
/// token's expiry ends the stream (a <c>next</c> with <c>AUTH_TOKEN_EXPIRED</c>, then <c>complete</c>), and a stopping server
/// completes it.
/// </summary>
internal sealed class GraphQLServerSentEvents : IStreamingConnection
{
    public const string MediaType = "text/event-stream";

    private static readonly byte[] CompleteMessage = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] KeepAliveMessage = ":\n\n"u8.ToArray();
    private static readonly byte[] NextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private readonly HttpContext _context;
    private readonly GraphQLSubscriptionOptions _options;
    private readonly IGraphQLTextSerializer _serializer;
    private Channel<byte[]>? _outbox; // made when a stream starts: most POSTs that allow an event stream answer JSON
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finished;
    private int _overflowed;

    public GraphQLServerSentEvents(HttpContext context, GraphQLSubscriptionOptions options, IGraphQLTextSerializer serializer)
    {
        _context = context;
        _options = options;
        _serializer = serializer;
    }

    /// <summary>Whether the request's <c>Accept</c> names <c>text/event-stream</c> itself (with a quality above 0).</summary>
    public static bool IsNamed(StringValues accept) => Quality(accept) > 0;

    /// <summary>The transport's part of a subscription's execution options: its queue size, and what a full queue does.</summary>
    public SubscriptionTransport Transport => new() { QueueCapacity = _options.MaxQueuedEvents, Overflow = Overflow };


    /// <summary>One result (a query, a mutation, or a request that failed before execution): <c>next</c>, then <c>complete</c>.</summary>
    public async Task WriteSingleAsync(ExecutionResult result)
    {
        Start();
        var body = _context.Response.Body;
        await body.WriteAsync(NextMessage(result), _context.RequestAborted).ConfigureAwait(false);
        await body.WriteAsync(CompleteMessage, _context.RequestAborted).ConfigureAwait(false);
        await body.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A subscription's events until the client leaves, the stream ends, the token expires or the server stops.</summary>
    public async Task StreamAsync(IObservable<ExecutionResult> stream)
    {
        var connections = _context.RequestServices.GetRequiredService<SubscriptionConnections>();
        using var count = connections.TryCount(_options.CallerKey(_context));
        if (count is null)
        {
            await WriteSingleAsync(new ExecutionResult
            {
                Errors = [new ExecutionError($"Too many connections: a caller may have {_options.MaxConnectionsPerCaller} open at once.")
                {
                    Code = SubscriptionErrorCodes.TooManyConnections,
                }],
            }).ConfigureAwait(false);
            return;
        }

        _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Math.Max(1, _options.SendBufferMessages)) { SingleReader = true });
        using var tracked = connections.Track(this);
        Start();
        await _context.Response.Body.FlushAsync(_context.RequestAborted).ConfigureAwait(false); // headers out: the client knows it is subscribed
        var writer = WriteLoopAsync();
        using var keepAlive = _options.KeepAliveInterval > TimeSpan.Zero
            ? new Timer(static state => ((GraphQLServerSentEvents)state!).Post(KeepAliveMessage), this, _options.KeepAliveInterval, _options.KeepAliveInterval)
            : null;
        using var expiry = ExpiryTimer();
        using var left = _context.RequestAborted.Register(static state => ((GraphQLServerSentEvents)state!).Finish(), this);
        using (stream.Subscribe(new Observer(this)))
        {
            await _ended.Task.ConfigureAwait(false);
        }

        _outbox.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    public void ShutDown() => End();

    private Timer? ExpiryTimer()
    {
        var authentication = _context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult;
        if (GraphQLConnectionAuthenticator.Expiry(authentication?.Properties, _context.User) is not { } expires)
        {
            return null;
        }

        var due = expires - DateTimeOffset.UtcNow;
        return new Timer(static state =>
        {
            var connection = (GraphQLServerSentEvents)state!;
            connection.Post(connection.NextMessage(new ExecutionResult
            {
                Errors = [new ExecutionError("The token expired: subscribe again with a fresh token.") { Code = SubscriptionErrorCodes.TokenExpired }],
            }));
            connection.End();
        }, this, due < TimeSpan.Zero ? TimeSpan.Zero : due > TimeSpan.FromDays(24) ? TimeSpan.FromDays(24) : due, Timeout.InfiniteTimeSpan);
    }

    private void Start()
    {
        var response = _context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies must not hold events back
        response.Headers.Append(HeaderNames.Vary, "Accept");
        _context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    private byte[] NextMessage(ExecutionResult result) =>
        result is SharedEventResult shared
            ? [.. NextPrefix, .. shared.Payload.Span, .. EventEnd]
            : Encoding.UTF8.GetBytes("event: next\ndata: " + _serializer.Serialize(result) + "\n\n");

    private void Post(byte[] message)
    {
        if (Volatile.Read(ref _finished) == 0 && _outbox?.Writer.TryWrite(message) == false)
        {
            Overflow();
        }
    }

    /// <summary>The stream ends normally: <c>complete</c>, after what is queued.</summary>
    private void End()
    {
        if (Volatile.Read(ref _finished) == 0)
        {
            _outbox?.Writer.TryWrite(CompleteMessage);
        }

        Finish();
    }

    private void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            _ended.TrySetResult();
        }
    }

    /// <summary>A client that does not read: nothing more is queued and the connection is cut.</summary>
    private void Overflow()
    {
        if (Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            Finish();
            _outbox?.Writer.TryComplete();
            _context.Abort();
        }
    }

    private async Task WriteLoopAsync()
    {
        var body = _context.Response.Body;
        try
        {
            await foreach (var message in _outbox!.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (Volatile.Read(ref _overflowed) != 0)
                {
                    return;
                }

                await body.WriteAsync(message, _context.RequestAborted).ConfigureAwait(false);
                if (_outbox.Reader.Count == 0)
                {
                    await body.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            Finish(); // the client went away
        }
    }

    private static double Quality(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return 0;
        }

        var best = (Specificity: MediaRangeSpecificity.NoMatch, Quality: 0d);
        foreach (var range in ranges)
        {
            var specificity = MediaRangeSpecificity.Of(range, "text", "event-stream");
            if (specificity == 2 && specificity > best.Specificity)
            {
                best = (specificity, range.Quality ?? 1d);
            }
        }

        return best.Quality;
    }

    private sealed class Observer(GraphQLServerSentEvents connection) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (value is not SkippedEvent)
            {
                connection.Post(connection.NextMessage(value));
            }
        }

        public void OnError(Exception error)
        {
            connection.Post(connection.NextMessage(new ExecutionResult { Errors = [error as ExecutionError ?? new ExecutionError("The event stream failed.")] }));
            connection.End();
        }

        public void OnCompleted() => connection.End();
    }
}
