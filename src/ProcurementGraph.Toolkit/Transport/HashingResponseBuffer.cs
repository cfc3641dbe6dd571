using System.Buffers;
using System.Security.Cryptography;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// A write-only stream that keeps what the serializer writes in chunks rented from <see cref="ArrayPool{T}.Shared"/> and
/// hashes it (SHA-256) as it is written, so an answer's ETag is known when serialization ends and the body is then sent
/// from the same chunks: no growing copy, no second pass over the bytes. Disposing returns the chunks.
/// </summary>
internal sealed class HashingResponseBuffer : Stream
{
    private const int ChunkSize = 16 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<byte[]> _chunks = [];
    private int _lastUsed = ChunkSize; // bytes used in the last chunk; full before the first write
    private long _length;

    /// <summary>Starts the hash with <paramref name="prefix"/> (not part of the body).</summary>
    public HashingResponseBuffer(ReadOnlySpan<byte> prefix) => _hash.AppendData(prefix);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of the prefix and everything written; call once, after the last write.</summary>
    public byte[] Hash() => _hash.GetHashAndReset();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
        while (!buffer.IsEmpty)
        {
            if (_lastUsed == ChunkSize)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                _lastUsed = 0;
            }

            var count = Math.Min(ChunkSize - _lastUsed, buffer.Length);
            buffer[..count].CopyTo(_chunks[^1].AsSpan(_lastUsed));
            _lastUsed += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends what was written to <paramref name="destination"/>, chunk by chunk.</summary>
    public async Task SendAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _chunks.Count; i++)
        {
            var used = i == _chunks.Count - 1 ? _lastUsed : ChunkSize;
            await destination.WriteAsync(_chunks[i].AsMemory(0, used), cancellationToken).ConfigureAwait(false);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks.Clear();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
