using System.Text.Json;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// An opaque keyset cursor: base64 of the JSON array of the row's sort-key values, the primary key last.
/// Page N then costs what page 1 costs, and rows inserted between pages are neither skipped nor repeated.
/// </summary>
public static class KeysetCursor
{
    private const int MaxLength = 4096;

    public static string Encode(ReadOnlySpan<object?> values) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(values.ToArray()));

    /// <summary>Reads a cursor made for these key types; throws <c>HC0078</c> when it is not one.</summary>
    public static object?[] Decode(string cursor, IReadOnlyList<Type> keyTypes, string argument)
    {
        try
        {
            if (cursor.Length <= MaxLength)
            {
                using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
                var array = document.RootElement;
                if (array.ValueKind == JsonValueKind.Array && array.GetArrayLength() == keyTypes.Count)
                {
                    var values = new object?[keyTypes.Count];
                    var index = 0;
                    foreach (var element in array.EnumerateArray())
                    {
                        values[index] = element.Deserialize(keyTypes[index]);
                        var nullable = !keyTypes[index].IsValueType || Nullable.GetUnderlyingType(keyTypes[index]) is not null;
                        if (values[index] is null && !nullable)
                        {
                            throw new FormatException();
                        }

                        index++;
                    }

                    return values;
                }
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or InvalidOperationException)
        {
        }

        throw PagingErrors.InvalidCursor(argument, cursor);
    }
}
