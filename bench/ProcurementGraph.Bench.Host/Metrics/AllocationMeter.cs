namespace ProcurementGraph.Bench.Host.Metrics;

/// <summary>
/// Bytes allocated since the start, kept monotonic. Under DATAS (the default with server GC since .NET 9) the runtime's
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/> drops while a heap is decommissioned and jumps back when it returns
/// (dotnet/runtime#131069), so this meter reports the highest value seen, samples it every 100 ms and counts the drops it
/// saw: while one lasts the figure lags behind (a lower bound); once the heaps are back it is exact again.
/// </summary>
internal sealed class AllocationMeter : IDisposable
{
    private readonly Lock gate = new();
    private readonly Timer timer;
    private long highest;
    private long drops;

    public AllocationMeter()
    {
        highest = GC.GetTotalAllocatedBytes(precise: true);
        timer = new Timer(_ => Read(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>How many times the runtime's counter was seen below an earlier value.</summary>
    public long Drops
    {
        get
        {
            lock (gate)
            {
                return drops;
            }
        }
    }

    /// <summary>The allocated bytes, never less than an earlier answer.</summary>
    public long Read()
    {
        var now = GC.GetTotalAllocatedBytes(precise: true);
        lock (gate)
        {
            if (now < highest)
            {
                drops++;
            }
            else
            {
                highest = now;
            }

            return highest;
        }
    }

    public void Dispose() => timer.Dispose();
}
