namespace ProcurementGraph.Api.Security;

/// <summary>
/// The <c>Security</c> configuration section: the claim types this Entra setup uses, and the development-only ways
/// in. Entra ID itself is configured in the <c>AzureAd</c> section (Microsoft.Identity.Web).
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>The claim carrying app roles (Entra: <c>roles</c>).</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The claim naming a partner's supplier: its key (<c>42</c>) or its global ID.</summary>
    public string SupplierClaimType { get; set; } = "supplier_id";

    /// <summary>The claim naming a rater's business unit (its code).</summary>
    public string BusinessUnitClaimType { get; set; } = "business_unit";

    /// <summary>The claim carrying a person's display name (Entra: <c>name</c>).</summary>
    public string NameClaimType { get; set; } = "name";

    /// <summary>The delegated scope a front-end token must carry (<c>scp</c>); app tokens carry roles and no scope.</summary>
    public string RequiredScope { get; set; } = "Procurement.Access";

    /// <summary>
    /// The partners whose row rules are kept built between requests (<c>Security:PartnerRowRulesCacheSize</c>, default 1000);
    /// beyond it the least recently used are dropped and built again when their partner returns.
    /// </summary>
    public int PartnerRowRulesCacheSize { get; set; } = 1000;

    /// <summary>Development only: a request without a token acts as this persona.</summary>
    public DevelopmentIdentityOptions DevelopmentIdentity { get; set; } = new();

    /// <summary>Development only: tokens minted by <c>dotnet user-jwts</c>.</summary>
    public DevelopmentTokensOptions DevelopmentTokens { get; set; } = new();
}
