using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>Store keys scoped to the caller (one caller's key never answers another) and request hashes, as SHA-256 hex.</summary>
internal static class IdempotencyKeys
{
    private static readonly string[] CallerClaims = ["tid", "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", "azp", "appid"];

    public static string For(ClaimsPrincipal user, string key)
    {
        var caller = string.Join("|", CallerClaims.Select(c => user.FindFirst(c)?.Value ?? string.Empty)) + "|" + (user.Identity?.Name ?? string.Empty);
        return Hash(caller + "\n" + key);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Printable ASCII, 1..<paramref name="maxLength"/> characters.</summary>
    public static bool IsValid(string key, int maxLength) =>
        key.Length > 0 && key.Length <= maxLength && key.All(c => c is >= ' ' and <= '~');
}
