namespace ProcurementGraph.Api.Security;

/// <summary>
/// <c>Security:DevelopmentIdentity</c>: the persona a request without a token acts as, so the embedded demo answers
/// at once. On by default in Development; refused at startup in any other environment.
/// </summary>
public sealed class DevelopmentIdentityOptions
{
    /// <summary>Null (default): on in Development, off elsewhere. True outside Development stops the start.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The persona's display name.</summary>
    public string Name { get; set; } = "Development User";

    /// <summary>The persona's app roles; empty means <c>Procurement.Reader</c>.</summary>
    public IList<string> Roles { get; } = [];

    /// <summary>The persona's supplier (key or global ID), for trying the partner view.</summary>
    public string? SupplierId { get; set; }

    /// <summary>The persona's business unit code, for trying the rater view.</summary>
    public string? BusinessUnit { get; set; }

    /// <summary>The roles in effect: <see cref="Roles"/>, or <c>Procurement.Reader</c> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveRoles => Roles.Count > 0 ? [.. Roles] : [ProcurementRoles.Reader];
}
