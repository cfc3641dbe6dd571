using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.Idempotency;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// One WebSocket speaking <c>graphql-transport-ws</c>: <c>connection_init</c> (authenticated as HTTP is, within
/// <see cref="GraphQLSubscriptionOptions.ConnectionInitTimeout"/>), <c>ping</c>/<c>pong</c>, <c>subscribe</c> →
/// <c>next</c>… <c>complete</c> or <c>error</c>, client <c>complete</c>, many operations on one socket. Every operation runs
/// through the same steps as an HTTP request (<see cref="GraphQLRequestExecution"/>) in a service scope of its own. All
/// messages leave through one bounded buffer written by one loop. Subscriptions wait for room in it
/// (<see cref="GraphQLSubscriptionOptions.SendBufferMessages"/>) before each event, so a burst to a reading client waits in
/// the subscriptions' bounded queues while it is sent, however busy the server; a client whose sends do not drain backs
/// those queues up until one overflows and is closed (1008), as is one that floods the buffer with control messages.
/// The token's expiry closes the connection with 4403 (graphql-ws clients reconnect, with a fresh token from their
/// <c>connectionParams</c>); a stopping server completes every subscription and closes with 1001.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection : IStreamingConnection, IDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly GraphQLSubscriptionOptions _options;
    private readonly SubscriptionConnections _connections;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly long _maxMessageBytes;
    private readonly SingleReaderQueue<byte[]> _outbox;
    private readonly int _sendBuffer;
    private readonly object _roomGate = new();
    private TaskCompletionSource? _room;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _ending = new();
    private readonly object _gate = new();
    private (int Code, string Reason)? _close;
    private bool _discardPending;
    private int _initReceived;
    private volatile bool _acknowledged;
    private ClaimsPrincipal _user = new(new ClaimsIdentity());
    private IDisposable? _callerCount;
    private Timer? _expiry;
    private Timer? _keepAlive;

    public GraphQLWebSocketConnection(HttpContext context, WebSocket socket, GraphQLSubscriptionOptions options, long maxMessageBytes, ILogger logger)
    {
        _context = context;
        _socket = socket;
        _options = options;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _connections = context.RequestServices.GetRequiredService<SubscriptionConnections>();
        _serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        _scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();
        // Events wait below SendBufferMessages; the rest of the capacity is for what does not wait: one event per subscription
        // that found room at once, and control messages (complete, pong, ping). Beyond it the client is not reading.
        _sendBuffer = Math.Max(1, options.SendBufferMessages);
        _outbox = new SingleReaderQueue<byte[]>(_sendBuffer + (2 * Math.Max(1, options.MaxSubscriptionsPerConnection)) + 16);
    }

    public async Task RunAsync()
    {
        using var tracked = _connections.Track(this);
        var writer = Task.Run(WriteLoopAsync);
        using var initTimeout = new Timer(
            static state =>
            {
                var connection = (GraphQLWebSocketConnection)state!;
                if (Volatile.Read(ref connection._initReceived) == 0)
                {
                    connection.Close(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
                }
            },
            this, _options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // the client went away without a close handshake
        }
        finally
        {
            Close(WebSocketCloseStatusCode(WebSocketCloseStatus.NormalClosure), string.Empty);
            foreach (var operation in _operations.Values)
            {
                operation.End(sendComplete: false);
            }

            await writer.ConfigureAwait(false);
            _expiry?.Dispose();
            _keepAlive?.Dispose();
            _callerCount?.Dispose();
            // Operations still executing (a query until its timeout at most) finish before the request, and its context, end.
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _expiry?.Dispose();
        _keepAlive?.Dispose();
        _ending.Dispose();
    }

    public void ShutDown()
    {
        foreach (var operation in _operations.Values)
        {
            operation.End(sendComplete: true);
        }

        Close(GraphQLWebSocketCloseCodes.GoingAway, "The server is shutting down");
    }

    private static int WebSocketCloseStatusCode(WebSocketCloseStatus status) => (int)status;

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (_socket.State == WebSocketState.Open)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), _context.RequestAborted).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Close(WebSocketCloseStatusCode(WebSocketCloseStatus.NormalClosure), string.Empty);
                    return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > _maxMessageBytes)
                {
                    Close(GraphQLWebSocketCloseCodes.MessageTooBig, $"Messages may have at most {_maxMessageBytes} bytes");
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (received.MessageType != WebSocketMessageType.Text)
            {
                Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: binary frames are not part of the protocol");
                return;
            }

            if (_ending.IsCancellationRequested)
            {
                return;
            }

            await HandleAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument message;
        try
        {
            message = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: not JSON");
            return;
        }

        using (message)
        {
            var root = message.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: an object with a string `type` is expected");
                return;
            }

            JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p : null;
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            switch (typeElement.GetString())
            {
                case GraphQLWebSocketMessages.ConnectionInit:
                    await InitAsync(payload).ConfigureAwait(false);
                    break;
                case GraphQLWebSocketMessages.Ping:
                    Post(GraphQLWebSocketMessages.Of(GraphQLWebSocketMessages.Pong));
                    break;
                case GraphQLWebSocketMessages.Pong:
                    break;
                case GraphQLWebSocketMessages.Subscribe:
                    await SubscribeAsync(id, payload).ConfigureAwait(false);
                    break;
                case GraphQLWebSocketMessages.Complete when !string.IsNullOrEmpty(id):
                    if (_operations.TryGetValue(id, out var operation))
                    {
                        operation.End(sendComplete: false); // the client stopped listening: nothing more for it
                    }

                    break;
                default:
                    Close(GraphQLWebSocketCloseCodes.BadRequest, $"Invalid message: unknown or incomplete `{typeElement.GetString()}` message");
                    break;
            }
        }
    }

    private async Task InitAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) != 0)
        {
            Close(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        if (payload is { } value && value.ValueKind != JsonValueKind.Object)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: the connection_init payload must be an object");
            return;
        }

        var outcome = await GraphQLConnectionAuthenticator.AuthenticateAsync(_context, payload, _logger).ConfigureAwait(false);
        if (outcome.User is not { } user)
        {
            Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        var now = DateTimeOffset.UtcNow;
        if (outcome.ExpiresAt is { } expires && expires <= now)
        {
            Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden: the token expired");
            return;
        }

        // The caller of every operation on this socket: the row rules and the field rules read it.
        _user = user;
        _context.User = user;
        _callerCount = _connections.TryCount(_options.CallerKey(_context));
        if (_callerCount is null)
        {
            Close(GraphQLWebSocketCloseCodes.TooManyConnections,
                $"Too many connections: a caller may have {_options.MaxConnectionsPerCaller} open at once");
            return;
        }

        if (outcome.ExpiresAt is { } end)
        {
            var due = end - now;
            _expiry = new Timer(static state => ((GraphQLWebSocketConnection)state!).Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden: the token expired"),
                this, due > TimeSpan.FromDays(24) ? TimeSpan.FromDays(24) : due, Timeout.InfiniteTimeSpan);
        }

        _acknowledged = true;
        Post(GraphQLWebSocketMessages.Of(GraphQLWebSocketMessages.ConnectionAck));
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = new Timer(static state => ((GraphQLWebSocketConnection)state!).Post(GraphQLWebSocketMessages.Of(GraphQLWebSocketMessages.Ping)),
                this, _options.KeepAliveInterval, _options.KeepAliveInterval);
        }
    }

    /// <summary>
    /// Starts an operation and waits until it has started: a subscription is listening (or refused) before the next message
    /// of the socket is read, so a client that subscribes and then writes on the same socket always gets the event.
    /// </summary>
    private async Task SubscribeAsync(string? id, JsonElement? payload)
    {
        if (!_acknowledged)
        {
            Close(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (string.IsNullOrEmpty(id) || payload is not { ValueKind: JsonValueKind.Object } body)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: subscribe needs an `id` and a `payload` object");
            return;
        }

        var error = GraphQLHttpRequestParser.TryParseBody(JsonSerializer.SerializeToUtf8Bytes(body), _serializer, out var request);
        if (error is not null || request is null)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: " + (error?.Message ?? "no operation"));
            return;
        }

        var operation = new Operation(this, id);
        if (!_operations.TryAdd(id, operation))
        {
            Close(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (_operations.Count > _options.MaxSubscriptionsPerConnection)
        {
            _operations.TryRemove(id, out _);
            var tooMany = new ExecutionError($"Too many operations: a connection may run {_options.MaxSubscriptionsPerConnection} at once; complete one first.")
            {
                Code = SubscriptionErrorCodes.TooManySubscriptions,
            };
            Post(GraphQLWebSocketMessages.ErrorOf(id, _serializer, [tooMany]));
            return;
        }

        var running = Task.Run(() => RunOperationAsync(operation, request));
        _running.TryAdd(running, 0);
        _ = running.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
            _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await Task.WhenAny(operation.Started, running).ConfigureAwait(false);
    }

    private async Task RunOperationAsync(Operation operation, GraphQLRequest request)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var (error, options) = await GraphQLRequestExecution.PrepareAsync(_context, request, scope.ServiceProvider, _user, operation.Token)
                .ConfigureAwait(false);
            if (error is not null || options is null)
            {
                operation.Fail(Errors(error ?? GraphQLHttpError.QueryAndIdMissing()));
                return;
            }

            if (IdempotentWebSocketMutation.For(request, options, scope.ServiceProvider, _serializer) is { } idempotent)
            {
                var (refused, answer) = await idempotent.RunAsync(_user, operation.Token).ConfigureAwait(false);
                if (refused is not null || answer is null)
                {
                    operation.Fail(Errors(refused ?? GraphQLHttpError.QueryAndIdMissing()));
                    return;
                }

                operation.Next(answer);
                operation.End(sendComplete: true);
                return;
            }

            options.UserContext[SubscriptionTransport.UserContextKey] = new SubscriptionTransport
            {
                QueueCapacity = _options.MaxQueuedEvents,
                Overflow = FellBehind,
                WaitForRoom = WaitForRoomAsync,
                Send = operation.Next,
            };
            var result = await GraphQLRequestExecution.ExecuteAsync(options).ConfigureAwait(false);
            if (result.Streams is { Count: > 0 } streams)
            {
                operation.Hold(streams.Values.First().Subscribe(new Observer(operation)));
                operation.MarkStarted();
                await operation.Ended.ConfigureAwait(false);
            }
            else if (result.Executed && result.Operation?.Operation != OperationType.Subscription)
            {
                operation.Next(result);
                operation.End(sendComplete: true);
            }
            else
            {
                operation.Fail(result.Errors ?? [new ExecutionError("The operation could not be executed.")]);
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // completed by the client, or the connection ended
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogOperationFailed(_logger, e, operation.Id);
            operation.Fail([new ExecutionError("Unexpected Execution Error")]);
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation));
            operation.End(sendComplete: false);
        }
    }

    private static ExecutionErrors Errors(GraphQLHttpError error)
    {
        var executionError = new ExecutionError(error.Message) { Code = error.Code };
        foreach (var (key, value) in error.Data ?? new Dictionary<string, object?>())
        {
            executionError.Data[key] = value;
        }

        return [executionError];
    }

    private void FellBehind() =>
        Close(GraphQLWebSocketCloseCodes.SlowConsumer, "Slow consumer: a subscription fell too far behind its events", discardPending: true);

    private void SlowConsumer() =>
        Close(GraphQLWebSocketCloseCodes.SlowConsumer, "Slow consumer: too many messages waiting to be sent", discardPending: true);

    /// <summary>Completes when fewer than <see cref="GraphQLSubscriptionOptions.SendBufferMessages"/> messages wait to be sent, or the connection ends.</summary>
    private ValueTask WaitForRoomAsync(CancellationToken token) =>
        _outbox.Count < _sendBuffer || _ending.IsCancellationRequested ? ValueTask.CompletedTask : WaitForRoomSlowAsync(token);

    private async ValueTask WaitForRoomSlowAsync(CancellationToken token)
    {
        while (true)
        {
            Task room;
            lock (_roomGate)
            {
                if (_outbox.Count < _sendBuffer || _ending.IsCancellationRequested)
                {
                    return;
                }

                _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                room = _room.Task;
            }

            await room.WaitAsync(token).ConfigureAwait(false);
        }
    }

    /// <summary>Wakes the subscriptions waiting for room (after the writer took a message, or when the connection ends).</summary>
    private void SignalRoom(bool ending = false)
    {
        if (Volatile.Read(ref _room) is null)
        {
            return;
        }

        lock (_roomGate)
        {
            if (_room is not null && (ending || _outbox.Count < _sendBuffer))
            {
                _room.TrySetResult();
                _room = null;
            }
        }
    }

    /// <summary>Queues a message; a full buffer is a slow consumer.</summary>
    private void Post(byte[] message)
    {
        if (!_outbox.TryWrite(message) && !_ending.IsCancellationRequested)
        {
            SlowConsumer();
        }
    }

    /// <summary>Ends the connection with a close frame (the first reason wins); the writer sends what is queued first, unless discarded.</summary>
    private void Close(int code, string reason, bool discardPending = false)
    {
        lock (_gate)
        {
            if (_close is not null)
            {
                return;
            }

            _close = (code, reason);
            _discardPending = discardPending;
        }

        _outbox.Complete();
        _ending.Cancel();
        SignalRoom(ending: true);
        foreach (var operation in _operations.Values)
        {
            operation.End(sendComplete: false);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _outbox.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (_outbox.TryRead(out var message))
                {
                    SignalRoom();
                    bool discard;
                    lock (_gate)
                    {
                        discard = _discardPending;
                    }

                    if (!discard && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _context.RequestAborted).ConfigureAwait(false);
                    }
                }
            }

            var (code, reason) = _close ?? ((int)WebSocketCloseStatus.NormalClosure, string.Empty);
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
                if (_socket.State == WebSocketState.CloseSent)
                {
                    // Give the client its close handshake; one that never answers is cut off.
                    _ = Task.Delay(CloseHandshakeTimeout).ContinueWith(_ => _socket.Abort(), TaskScheduler.Default);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The WebSocket operation {Id} failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string id);

    /// <summary>One operation of the socket, by its client-chosen id.</summary>
    private sealed class Operation(GraphQLWebSocketConnection connection, string id)
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(connection._ending.Token);
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _finished;
        private IDisposable? _subscription;
        private byte[]? _nextPrefix;

        public string Id { get; } = id;

        /// <summary>Keeps the subscription until the operation ends (then it is disposed at once: no event after a client's complete).</summary>
        public void Hold(IDisposable subscription)
        {
            Volatile.Write(ref _subscription, subscription);
            if (Volatile.Read(ref _finished) != 0)
            {
                Interlocked.Exchange(ref _subscription, null)?.Dispose();
            }
        }

        public CancellationToken Token => _stop.Token;

        public Task Ended => _ended.Task;

        /// <summary>Completed once a subscription listens, or the operation answered or failed.</summary>
        public Task Started => _started.Task;

        public void MarkStarted() => _started.TrySetResult();

        public void Next(ExecutionResult result)
        {
            if (Volatile.Read(ref _finished) == 0)
            {
                _nextPrefix ??= GraphQLWebSocketMessages.NextPrefixOf(Id);
                connection.Post(GraphQLWebSocketMessages.NextOf(_nextPrefix, connection._serializer, result));
            }
        }

        /// <summary>The operation failed before it ran: one <c>error</c> message and no <c>complete</c>.</summary>
        public void Fail(ExecutionErrors errors)
        {
            if (Interlocked.Exchange(ref _finished, 1) == 0)
            {
                connection.Post(GraphQLWebSocketMessages.ErrorOf(Id, connection._serializer, errors));
                Finish();
            }
        }

        public void End(bool sendComplete)
        {
            if (Interlocked.Exchange(ref _finished, 1) == 0)
            {
                if (sendComplete)
                {
                    connection.Post(GraphQLWebSocketMessages.Of(GraphQLWebSocketMessages.Complete, Id));
                }

                Finish();
            }
        }

        private void Finish()
        {
            _started.TrySetResult();
            Interlocked.Exchange(ref _subscription, null)?.Dispose();
            _ended.TrySetResult();
            _stop.Cancel();
        }
    }

    /// <summary>Sends a subscription's results: events the subscriber may not see are dropped; the end of the stream is <c>complete</c>.</summary>
    private sealed class Observer(Operation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (value is not SkippedEvent)
            {
                operation.Next(value);
            }
        }

        public void OnError(Exception error)
        {
            operation.Next(new ExecutionResult { Errors = [error as ExecutionError ?? new ExecutionError("The event stream failed.")] });
            operation.End(sendComplete: true);
        }

        public void OnCompleted() => operation.End(sendComplete: true);
    }
}
