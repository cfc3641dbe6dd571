using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>Tokens shaped as <c>dotnet user-jwts create</c> mints them (HS256, issuer <c>dotnet-user-jwts</c>, a <c>role</c> claim per role).</summary>
public static class DevelopmentTokens
{
    public const string Issuer = "dotnet-user-jwts";
    public const string Audience = "http://localhost:5000";

    /// <summary>A signing key as user-jwts keeps it in user secrets (base64 of 32 random bytes).</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The settings user-jwts writes for the scheme (<c>Authentication:Schemes:DevJwt:*</c>).</summary>
    public static IReadOnlyList<(string Key, string Value)> Settings(string signingKey) =>
    [
        ("Authentication:Schemes:DevJwt:ValidIssuer", Issuer),
        ("Authentication:Schemes:DevJwt:ValidAudiences:0", Audience),
        ("Authentication:Schemes:DevJwt:SigningKeys:0:Id", "dev1"),
        ("Authentication:Schemes:DevJwt:SigningKeys:0:Issuer", Issuer),
        ("Authentication:Schemes:DevJwt:SigningKeys:0:Value", signingKey),
        ("Authentication:Schemes:DevJwt:SigningKeys:0:Length", "32"),
    ];

    public static string Create(string signingKey, IEnumerable<string> roles, IDictionary<string, object>? claims = null, string name = "dev-user",
        TimeSpan? lifetime = null)
    {
        var all = new Dictionary<string, object>
        {
            ["unique_name"] = name,
            ["sub"] = name,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var roleList = roles.ToArray();
        if (roleList.Length > 0)
        {
            all["role"] = roleList.Length == 1 ? roleList[0] : roleList;
        }

        foreach (var (type, value) in claims ?? new Dictionary<string, object>())
        {
            all[type] = value;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(1)),
            Claims = all,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
