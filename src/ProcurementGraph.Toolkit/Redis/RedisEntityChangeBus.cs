using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.Subscriptions;
using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>
/// The event bus of several server processes: a publish delivers the changes to this process's listeners at once (through
/// <see cref="InProcessEntityChangeBus"/>, so a local subscriber gets each change exactly once, with or without Redis) and
/// publishes them on one Redis channel; every other process delivers what it receives there to its own listeners, in order.
/// When the connection fails every listener is told (<see cref="IEntityChangeListener.OnInterrupted"/>: its client gets an
/// error, the subscription stays open); StackExchange.Redis reconnects and resubscribes, and events flow again. A publish
/// while Redis is away is logged and dropped (the mutation has committed and succeeded).
/// </summary>
public sealed partial class RedisEntityChangeBus : IEntityChangeBus, IHostedService, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly InProcessEntityChangeBus _local;
    private readonly ILogger<RedisEntityChangeBus> _logger;
    private readonly RedisChannel _channel;
    private readonly string _channelName;
    private readonly string _replica = Guid.NewGuid().ToString("N");
    private readonly RedisOutage _publishOutage;
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private ChannelMessageQueue? _queue;
    private int _interrupted;

    public RedisEntityChangeBus(IConnectionMultiplexer redis, InProcessEntityChangeBus local, RedisBackplaneOptions options, ILogger<RedisEntityChangeBus> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _local = local;
        _logger = logger;
        _channelName = options.KeyPrefix + "entity-changes";
        _channel = RedisChannel.Literal(_channelName);
        _publishOutage = new RedisOutage(logger, "committed changes reach this process's subscribers only");
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
    }

    /// <summary>Whether this process listens on the channel now (subscribed and connected).</summary>
    public bool IsListening => _queue is { Completion.IsCompleted: false } && _redis.GetSubscriber().IsConnected(_channel);

    public async ValueTask PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await _local.PublishAsync(changes, cancellationToken).ConfigureAwait(false);
        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, EntityChangeMessage.Serialize(_replica, changes)).ConfigureAwait(false);
            _publishOutage.Succeeded();
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            _publishOutage.Failed(e);
            LogPublishLost(_logger, changes.Count, changes[0].Operation);
        }
    }

    public IDisposable Subscribe(string entityType, IEntityChangeListener listener) => _local.Subscribe(entityType, listener);

    /// <summary>Subscribes to the channel when the server starts (when Redis is away, once it is back).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => EnsureSubscribedAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
        _subscribing.Dispose();
    }

    private async Task EnsureSubscribedAsync()
    {
        await _subscribing.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_queue is { Completion.IsCompleted: false })
            {
                return;
            }

            var queue = await _redis.GetSubscriber().SubscribeAsync(_channel).ConfigureAwait(false);
            queue.OnMessage(message => ReceiveAsync(message.Message).AsTask());
            _queue = queue;
            LogSubscribed(_logger, _channelName);
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            LogSubscribeFailed(_logger, _channelName, e.GetType().Name); // retried when the connection is restored
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private ValueTask ReceiveAsync(RedisValue value)
    {
        EntityChangeMessage? message;
        try
        {
            message = value.IsNullOrEmpty ? null : EntityChangeMessage.Deserialize(((ReadOnlyMemory<byte>)value).Span);
        }
        catch (System.Text.Json.JsonException e)
        {
            LogUnreadable(_logger, e, _channelName);
            return ValueTask.CompletedTask;
        }

        if (message is null || message.Replica == _replica)
        {
            return ValueTask.CompletedTask; // noise on the channel, or this process's own changes (delivered when published)
        }

        return _local.PublishAsync(message.ToChanges(), CancellationToken.None);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref _interrupted, 1) != 0)
        {
            return;
        }

        LogInterrupted(_logger, e.ConnectionType, e.FailureType);
        _local.Interrupt(e.Exception ?? new InvalidOperationException($"The connection to Redis failed ({e.FailureType})."));
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref _interrupted, 0) == 1)
        {
            LogRestored(_logger, e.ConnectionType);
        }

        _ = EnsureSubscribedAsync(); // when the start found Redis away; StackExchange.Redis resubscribes an existing subscription itself
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for other processes' committed changes on Redis channel {Channel}")]
    private static partial void LogSubscribed(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to Redis channel {Channel} ({Error}); subscribing when the connection is back")]
    private static partial void LogSubscribeFailed(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} committed changes of {Operation} were not published to the other processes: Redis is unreachable")]
    private static partial void LogPublishLost(ILogger logger, int count, string operation);

    [LoggerMessage(Level = LogLevel.Error, Message = "An unreadable message on Redis channel {Channel} was dropped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis connection failed ({ConnectionType}, {FailureType}): subscriptions are told events may be missed")]
    private static partial void LogInterrupted(ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Redis connection is restored ({ConnectionType}): events from other processes flow again")]
    private static partial void LogRestored(ILogger logger, ConnectionType connectionType);
}
