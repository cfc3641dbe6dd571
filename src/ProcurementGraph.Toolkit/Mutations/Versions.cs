namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>The opaque <c>version</c> of a row: its concurrency token as text (a <c>rowversion</c> or another byte token as lower-case hex, 16 digits for 8 bytes; a GUID as 32 hex digits).</summary>
public static class Versions
{
    public static string? Format(object? token) => token switch
    {
        null => null,
        Guid guid => guid.ToString("N"),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        _ => Convert.ToString(token, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>True when <paramref name="expected"/> is the text of <paramref name="token"/>.</summary>
    public static bool Matches(object? token, string? expected) =>
        expected is not null && string.Equals(Format(token), expected.Trim(), StringComparison.OrdinalIgnoreCase);
}
