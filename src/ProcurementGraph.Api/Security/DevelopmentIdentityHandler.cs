using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// Development only: authenticates every request it is asked about as the configured persona
/// (<c>Security:DevelopmentIdentity</c>), with the same claim types a real token would carry.
/// The development scheme selector sends it only requests without an <c>Authorization</c> header.
/// </summary>
public sealed class DevelopmentIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<SecurityOptions> security) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = security.Value;
        var persona = settings.DevelopmentIdentity;
        var claims = new List<Claim> { new(settings.NameClaimType, persona.Name) };
        claims.AddRange(persona.EffectiveRoles.Select(role => new Claim(settings.RoleClaimType, role)));
        if (!string.IsNullOrWhiteSpace(persona.SupplierId))
        {
            claims.Add(new Claim(settings.SupplierClaimType, persona.SupplierId));
        }

        if (!string.IsNullOrWhiteSpace(persona.BusinessUnit))
        {
            claims.Add(new Claim(settings.BusinessUnitClaimType, persona.BusinessUnit));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, settings.NameClaimType, settings.RoleClaimType);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
