using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// Development only: which scheme handles a request. No <c>Authorization</c> header: the development identity
/// (when on). A bearer token issued by <c>dotnet user-jwts</c>: the DevJwt scheme. Anything else: Entra ID.
/// </summary>
public sealed class DevelopmentSchemeSelector(bool entra, bool developmentTokens, bool developmentIdentity, string developmentIssuer)
{
    private const string BearerPrefix = "Bearer ";

    public string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fallback = entra || !developmentTokens ? ProcurementAuthenticationSchemes.Entra : ProcurementAuthenticationSchemes.DevelopmentTokens;
        string? authorization = context.Request.Headers[HeaderNames.Authorization];
        if (string.IsNullOrEmpty(authorization))
        {
            return developmentIdentity ? ProcurementAuthenticationSchemes.DevelopmentIdentity : fallback;
        }

        return developmentTokens && IsDevelopmentToken(authorization) ? ProcurementAuthenticationSchemes.DevelopmentTokens : fallback;
    }

    private bool IsDevelopmentToken(string authorization)
    {
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return false;
        }

        try
        {
            return handler.ReadJsonWebToken(token).Issuer == developmentIssuer;
        }
        catch (ArgumentException)
        {
            return false; // unreadable: the fallback scheme refuses it with 401
        }
    }
}
