using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// Hand-written encodings the raw endpoints share with the graph's contract: global IDs are base64 of <c>Type:key</c>,
/// keyset cursors base64 of the JSON array of the sort-key values, the primary key last.
/// </summary>
internal static class RawIds
{
    public static string GlobalId(string typeName, int key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + key.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The key of a global ID of <paramref name="typeName"/>; null when it is not one.</summary>
    public static int? KeyOf(string typeName, string globalId)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
            var prefix = typeName + ":";
            return text.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var key)
                ? key
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Cursor(int id) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { id }));

    /// <summary>Reads a <c>[id]</c> cursor; null when it is not one.</summary>
    public static int? IdCursor(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1 && root[0].TryGetInt32(out var id) ? id : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a <c>[name, id]</c> cursor; null when it is not one.</summary>
    public static (string Name, int Id)? NameIdCursor(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 2
                && root[0].ValueKind == JsonValueKind.String && root[1].TryGetInt32(out var id)
                ? (root[0].GetString()!, id)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
