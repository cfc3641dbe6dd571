using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Reads a request body into a pooled buffer, refusing bodies above a size limit.</summary>
internal static class GraphQLHttpRequestBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>
    /// Returns the body in a rented buffer (the caller disposes it once the body is parsed), or <see langword="null"/> when
    /// it is larger than <paramref name="maxBytes"/> (by its Content-Length or by what was actually sent).
    /// </summary>
    public static async Task<PooledRequestBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Make this endpoint's limit the server's limit too (Kestrel defaults to 30 MB for every endpoint).
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        // With a Content-Length the buffer has room for one byte more, so the end of the body is seen without growing.
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Min((request.ContentLength ?? ChunkSize) + 1, limit + 1L));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    pool.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }

        return new PooledRequestBody(buffer, length);
    }
}
