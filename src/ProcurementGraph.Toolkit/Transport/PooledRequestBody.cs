using System.Buffers;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>A request body read into an array rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns it.</summary>
internal sealed class PooledRequestBody(byte[] array, int length) : IDisposable
{
    private byte[]? _array = array;

    public ReadOnlyMemory<byte> Memory => (_array ?? throw new ObjectDisposedException(nameof(PooledRequestBody))).AsMemory(0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
