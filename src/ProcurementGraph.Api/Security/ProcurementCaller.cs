using System.Globalization;
using System.Security.Claims;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The caller in the domain's terms, read from the authenticated principal with the configured claim types
/// (<see cref="SecurityOptions"/>): roles, the partner's supplier and the rater's business unit.
/// </summary>
public sealed record ProcurementCaller(
    string? Name,
    IReadOnlyList<string> Roles,
    int? SupplierId,
    string? BusinessUnit,
    bool IsDevelopmentIdentity)
{
    /// <summary>A partner sees only its own supplier's data, whatever other roles it holds.</summary>
    public bool IsPartner => Roles.Contains(ProcurementRoles.Partner, StringComparer.Ordinal);

    public static ProcurementCaller From(ClaimsPrincipal user, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        var identities = user.Identities.Where(i => i.IsAuthenticated).ToList();
        var roles = identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        var name = identities.Select(i => i.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n))
            ?? First(identities, options.NameClaimType, "preferred_username", "unique_name", "azp", "appid");
        return new ProcurementCaller(
            name,
            roles,
            ParseSupplierId(First(identities, options.SupplierClaimType)),
            First(identities, options.BusinessUnitClaimType),
            identities.Any(i => i.AuthenticationType == ProcurementAuthenticationSchemes.DevelopmentIdentity));
    }

    /// <summary>A supplier key (<c>42</c>) or a supplier's global ID; null for anything else.</summary>
    public static int? ParseSupplierId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var key = value.Trim();
        if (GlobalId.TryDecode(key, out var typeName, out var decoded))
        {
            if (typeName != "Supplier")
            {
                return null;
            }

            key = decoded;
        }

        return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private static string? First(IEnumerable<ClaimsIdentity> identities, params string[] claimTypes) =>
        claimTypes
            .SelectMany(type => identities.Select(i => i.FindFirst(type)?.Value))
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
