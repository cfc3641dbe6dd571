using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// A bounded queue with one reader and many writers that takes no lock: an unbounded single-reader channel (lock-free) and
/// an interlocked count that holds the bound. A bounded channel locks on every write, read and count; in a burst, when a
/// publisher, a subscription's pump and a socket's writer meet on one queue from many pool threads on two cores, those locks
/// were a quarter of the server's time (bench/results/changes.md).
/// </summary>
public sealed class SingleReaderQueue<T>
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly int _capacity;
    private int _count;

    public SingleReaderQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>The items waiting to be read.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues the item; false when the queue holds its capacity already or is completed.</summary>
    public bool TryWrite(T item)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        if (_channel.Writer.TryWrite(item))
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        if (!_channel.Reader.TryRead(out item))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>True when an item can be read; false once the queue is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>No more writes; the reader still reads what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
