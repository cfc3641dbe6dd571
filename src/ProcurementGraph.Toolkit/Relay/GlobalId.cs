using System.Text;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>
/// Relay global IDs in HotChocolate's v14+ format: standard base64 (with padding) of UTF-8
/// <c>TypeName:key</c>, e.g. <c>Product:1</c> → <c>UHJvZHVjdDox</c>.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static string Encode(string typeName, int key) =>
        Encode(typeName, key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The UTF-8 bytes of <see cref="Encode(string, int)"/>'s ID, written into <paramref name="destination"/> without allocating;
    /// false when they do not fit (a type name longer than 64 characters, or a destination shorter than the ID).
    /// </summary>
    public static bool TryEncode(string typeName, int key, Span<byte> destination, out int written)
    {
        written = 0;
        if (typeName.Length > MaxTypeNameLength)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[MaxTypeNameLength * 3 + 12];

        var length = Encoding.UTF8.GetBytes(typeName, text);
        text[length++] = (byte)':';
        if (!key.TryFormat(text[length..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        return System.Buffers.Text.Base64.EncodeToUtf8(text[..(length + digits)], destination, out _, out written) == System.Buffers.OperationStatus.Done;
    }

    private const int MaxTypeNameLength = 64;

    /// <summary>Splits an ID into its type name and key; false when it is not a well-formed global ID.</summary>
    public static bool TryDecode(string id, out string typeName, out string key)
    {
        typeName = key = string.Empty;
        if (id.Length > 1024)
        {
            return false;
        }

        var buffer = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, buffer, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    /// <summary>The key text of an ID as a value of the entity's key type (numbers, strings, GUIDs); false when it is not one.</summary>
    public static bool TryParseKey(string key, Type keyType, out object? value)
    {
        var type = Nullable.GetUnderlyingType(keyType) ?? keyType;
        try
        {
            value = type == typeof(Guid) ? Guid.Parse(key) : Convert.ChangeType(key, type, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            value = null;
            return false;
        }
    }
}
