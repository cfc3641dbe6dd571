using Microsoft.IdentityModel.Tokens;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>What <see cref="FakeEntraId.CreateToken"/> puts in a token; the defaults make a valid v2 token for the API.</summary>
public sealed class EntraToken
{
    public string TenantId { get; set; } = FakeEntraId.TenantId;

    /// <summary>Null: the tenant's v2 issuer.</summary>
    public string? Issuer { get; set; }

    public string Audience { get; set; } = FakeEntraId.ClientId;

    public string ObjectId { get; set; } = "00000000-0000-4000-8000-000000000001";

    /// <summary>The calling application (<c>azp</c>).</summary>
    public string ClientApplicationId { get; set; } = "c0ffee00-0000-4000-8000-00000000c11e";

    public IList<string> Roles { get; } = [];

    /// <summary>Delegated scopes (<c>scp</c>); none for an app token.</summary>
    public IList<string> Scopes { get; } = [];

    public IDictionary<string, object> Claims { get; } = new Dictionary<string, object>();

    /// <summary>From now to expiry; negative for an expired token.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Null: the tenant's published key.</summary>
    public SecurityKey? SigningKey { get; set; }
}
