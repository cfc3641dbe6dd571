using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Tests.Subscriptions;

public sealed class SingleReaderQueueTests
{
    [Fact]
    public void It_holds_its_capacity_and_takes_more_once_read()
    {
        var queue = new SingleReaderQueue<int>(capacity: 2);
        Assert.True(queue.TryWrite(1));
        Assert.True(queue.TryWrite(2));
        Assert.False(queue.TryWrite(3));
        Assert.Equal(2, queue.Count);

        Assert.True(queue.TryRead(out var first));
        Assert.Equal(1, first);
        Assert.True(queue.TryWrite(4));
        Assert.True(queue.TryRead(out var second));
        Assert.True(queue.TryRead(out var third));
        Assert.Equal([2, 4], new[] { second, third });
        Assert.False(queue.TryRead(out _));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Writers_on_many_threads_never_pass_the_bound_and_lose_nothing_they_were_told_was_queued()
    {
        var queue = new SingleReaderQueue<int>(capacity: 100);
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                if (queue.TryWrite(i))
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        })));

        Assert.Equal(100, accepted);
        Assert.Equal(100, queue.Count);
        var read = 0;
        while (queue.TryRead(out _))
        {
            read++;
        }

        Assert.Equal(100, read);
    }

    [Fact]
    public async Task A_completed_queue_takes_nothing_and_its_reader_ends_after_what_was_queued()
    {
        var queue = new SingleReaderQueue<string>(capacity: 4);
        Assert.True(queue.TryWrite("a"));
        queue.Complete();
        Assert.False(queue.TryWrite("b"));
        Assert.Equal(1, queue.Count);

        Assert.True(await queue.WaitToReadAsync(CancellationToken.None));
        Assert.True(queue.TryRead(out var item));
        Assert.Equal("a", item);
        Assert.False(await queue.WaitToReadAsync(CancellationToken.None));
    }
}
