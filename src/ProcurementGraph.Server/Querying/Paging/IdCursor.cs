using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ProcurementGraph.Server.Querying.Paging;

/// <summary>An opaque keyset cursor over an integer primary key: base64 of the key's decimal text.</summary>
public static class IdCursor
{
    public static string Encode(int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Decodes a cursor; throws <see cref="GraphQL.ExecutionError"/> <c>HC0078</c> when it is not one of ours.</summary>
    public static int Decode(string cursor, string argument)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (cursor.Length <= 24
            && Base64.IsValid(cursor)
            && Convert.TryFromBase64String(cursor, bytes, out var written)
            && int.TryParse(Encoding.UTF8.GetString(bytes[..written]), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw PagingErrors.InvalidCursor(argument, cursor);
    }
}
