using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>The bus of one server process: a publish hands its changes to the listeners of their entity type, in order, each listener those of its type at once.</summary>
public sealed partial class InProcessEntityChangeBus(ILogger<InProcessEntityChangeBus> logger) : IEntityChangeBus
{
    private readonly ConcurrentDictionary<string, ImmutableArray<IEntityChangeListener>> _listeners = new(StringComparer.Ordinal);

    /// <summary>How many listeners are registered (all entity types), for tests and diagnostics.</summary>
    public int ListenerCount => _listeners.Values.Sum(l => l.Length);

    public ValueTask PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var ofType in changes.GroupBy(change => change.EntityType, StringComparer.Ordinal))
        {
            if (!_listeners.TryGetValue(ofType.Key, out var listeners))
            {
                continue;
            }

            var changesOfType = ofType.ToList();
            foreach (var listener in listeners)
            {
                try
                {
                    listener.OnChanges(changesOfType);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogListenerFailed(logger, e, ofType.Key, changesOfType[0].Key);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Tells every listener that changes may have been lost (<see cref="IEntityChangeListener.OnInterrupted"/>): a backplane
    /// that delivers its changes through this bus calls it when its connection fails.
    /// </summary>
    public void Interrupt(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var listener in _listeners.Values.SelectMany(l => l))
        {
            try
            {
                listener.OnInterrupted(error);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogInterruptFailed(logger, e);
            }
        }
    }

    public IDisposable Subscribe(string entityType, IEntityChangeListener listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        ArgumentNullException.ThrowIfNull(listener);
        _listeners.AddOrUpdate(entityType, static (_, l) => [l], static (_, list, l) => list.Add(l), listener);
        return new Registration(this, entityType, listener);
    }

    private void Remove(string entityType, IEntityChangeListener listener)
    {
        while (_listeners.TryGetValue(entityType, out var list))
        {
            var without = list.Remove(listener);
            if (without.IsEmpty ? _listeners.TryRemove(new KeyValuePair<string, ImmutableArray<IEntityChangeListener>>(entityType, list))
                : _listeners.TryUpdate(entityType, without, list))
            {
                return;
            }
        }
    }

    private sealed class Registration(InProcessEntityChangeBus bus, string entityType, IEntityChangeListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Remove(entityType, listener);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscription listener failed on {EntityType} changes (the first: {Key})")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string entityType, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscription listener failed to take an interruption")]
    private static partial void LogInterruptFailed(ILogger logger, Exception exception);
}
