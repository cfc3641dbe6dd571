using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// An Entra ID tenant in memory: its OpenID metadata and JWKS are served by an <see cref="HttpMessageHandler"/>
/// (no socket, no network) and it signs RS256 tokens shaped like Entra's v2 access tokens. The app keeps the real
/// instance (<c>https://login.microsoftonline.com/</c>) and validates with Microsoft.Identity.Web as in production.
/// One shared instance per test process: Microsoft.Identity.Web caches issuer validators per authority in a static.
/// </summary>
public sealed class FakeEntraId
{
    public const string Instance = "https://login.microsoftonline.com/";
    public const string TenantId = "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
    public const string ClientId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    public const string OtherTenantId = "0a0b0c0d-1111-4222-8333-944445555666";

    /// <summary>The named HttpClient Microsoft.Identity.Web's issuer validator fetches metadata with.</summary>
    public const string HttpClientName = "FakeEntraId";

    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] ResponseTypes = ["code", "id_token", "token id_token"];
    private static readonly string[] SubjectTypes = ["pairwise"];

    private int _metadataRequests;
    private int _keyRequests;

    public static FakeEntraId Shared { get; } = new();

    public RsaSecurityKey SigningKey { get; } = NewKey("fake-entra-key-1");

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static string IssuerOf(string tenantId) => $"{Instance}{tenantId}/v2.0";

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>A handler answering the tenant's <c>.well-known/openid-configuration</c> and JWKS; anything else is 404.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this);

    /// <summary>A signed token; <paramref name="configure"/> changes the defaults (a valid v2 app token with no role).</summary>
    public string CreateToken(Action<EntraToken>? configure = null)
    {
        var spec = new EntraToken();
        configure?.Invoke(spec);
        var claims = new Dictionary<string, object>
        {
            ["tid"] = spec.TenantId,
            ["ver"] = "2.0",
            ["oid"] = spec.ObjectId,
            ["sub"] = spec.ObjectId,
            ["azp"] = spec.ClientApplicationId,
        };
        if (spec.Roles.Count > 0)
        {
            claims["roles"] = spec.Roles.ToArray();
        }

        if (spec.Scopes.Count > 0)
        {
            claims["scp"] = string.Join(' ', spec.Scopes);
        }

        foreach (var (type, value) in spec.Claims)
        {
            claims[type] = value;
        }

        var now = DateTime.UtcNow;
        var expires = now + spec.Lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? IssuerOf(spec.TenantId),
            Audience = spec.Audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(spec.SigningKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Metadata(string tenantId) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = IssuerOf(tenantId),
        ["authorization_endpoint"] = $"{Instance}{tenantId}/oauth2/v2.0/authorize",
        ["token_endpoint"] = $"{Instance}{tenantId}/oauth2/v2.0/token",
        ["jwks_uri"] = $"{Instance}{tenantId}/discovery/v2.0/keys",
        ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        ["response_types_supported"] = ResponseTypes,
        ["subject_types_supported"] = SubjectTypes,
    });

    private string Keys()
    {
        var parameters = SigningKey.Rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = SigningKey.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    private sealed class Handler(FakeEntraId idp) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            string? body = null;
            if (uri.Host == "login.microsoftonline.com" && segments.Length > 1)
            {
                if (uri.AbsolutePath.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref idp._metadataRequests);
                    body = Metadata(segments[0]);
                }
                else if (uri.AbsolutePath.EndsWith("/discovery/v2.0/keys", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref idp._keyRequests);
                    body = idp.Keys();
                }
            }

            var response = body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            return Task.FromResult(response);
        }
    }
}
