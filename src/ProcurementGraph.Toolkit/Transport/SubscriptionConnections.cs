using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// The open streaming connections (WebSockets and SSE streams): counted per caller for
/// <see cref="GraphQLSubscriptionOptions.MaxConnectionsPerCaller"/>, and ended gracefully when the server stops (each
/// subscription gets <c>complete</c>, then the connection closes) so the host's shutdown does not have to cut them.
/// </summary>
internal sealed class SubscriptionConnections : IDisposable
{
    private readonly GraphQLSubscriptionOptions _options;
    private readonly ConcurrentDictionary<string, int> _perCaller = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IStreamingConnection, byte> _open = new();
    private readonly CancellationTokenRegistration _stopping;

    public SubscriptionConnections(IOptions<GraphQLSubscriptionOptions> options, IHostApplicationLifetime lifetime)
    {
        _options = options.Value;
        _stopping = lifetime.ApplicationStopping.Register(ShutDown);
        Stopping = lifetime.ApplicationStopping;
    }

    /// <summary>Cancelled when the server begins to stop.</summary>
    public CancellationToken Stopping { get; }

    public int OpenCount => _open.Count;

    /// <summary>Keeps the connection in the list the shutdown ends, until the handle is disposed.</summary>
    public IDisposable Track(IStreamingConnection connection)
    {
        _open.TryAdd(connection, 0);
        if (Stopping.IsCancellationRequested)
        {
            connection.ShutDown();
        }

        return new Release(() => _open.TryRemove(connection, out _));
    }

    /// <summary>Counts a connection for its caller; null when the caller already has the most it may have.</summary>
    public IDisposable? TryCount(string caller)
    {
        while (true)
        {
            var count = _perCaller.GetOrAdd(caller, 0);
            if (count >= _options.MaxConnectionsPerCaller)
            {
                return null;
            }

            if (_perCaller.TryUpdate(caller, count + 1, count))
            {
                return new Release(() => Uncount(caller));
            }
        }
    }

    private void Uncount(string caller)
    {
        while (_perCaller.TryGetValue(caller, out var count))
        {
            if (count <= 1 ? _perCaller.TryRemove(new KeyValuePair<string, int>(caller, count)) : _perCaller.TryUpdate(caller, count - 1, count))
            {
                return;
            }
        }
    }

    private void ShutDown()
    {
        foreach (var connection in _open.Keys)
        {
            connection.ShutDown();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private sealed class Release(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}

/// <summary>An open WebSocket connection or SSE stream.</summary>
internal interface IStreamingConnection
{
    /// <summary>The server is stopping: complete every subscription and close (must not block).</summary>
    void ShutDown();
}
