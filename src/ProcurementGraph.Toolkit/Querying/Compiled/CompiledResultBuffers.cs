namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// The request's buffers of compiled results (scoped): rented from the shared array pool while the request executes, returned
/// when the request's scope ends, after the response has been written.
/// </summary>
public sealed class CompiledResultBuffers : IDisposable
{
    private readonly List<PooledBufferWriter> _rented = [];

    internal PooledBufferWriter Rent()
    {
        var writer = new PooledBufferWriter();
        lock (_rented)
        {
            _rented.Add(writer);
        }

        return writer;
    }

    public void Dispose()
    {
        lock (_rented)
        {
            _rented.ForEach(writer => writer.Dispose());
            _rented.Clear();
        }
    }
}
