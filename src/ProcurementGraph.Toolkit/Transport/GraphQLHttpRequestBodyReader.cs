using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Reads a request body into memory, refusing bodies above a size limit.</summary>
internal static class GraphQLHttpRequestBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>
    /// Returns the body, or <see langword="null"/> when it is larger than <paramref name="maxBytes"/>
    /// (by its Content-Length or by what was actually sent).
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, Array.MaxLength);
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

        var initialCapacity = (int)Math.Min(request.ContentLength ?? ChunkSize, limit);
        using var buffer = new MemoryStream(initialCapacity);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
