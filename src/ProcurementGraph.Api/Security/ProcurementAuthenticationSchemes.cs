using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ProcurementGraph.Api.Security;

/// <summary>The authentication schemes of the API.</summary>
public static class ProcurementAuthenticationSchemes
{
    /// <summary>Entra ID through Microsoft.Identity.Web (<c>AzureAd</c> section).</summary>
    public const string Entra = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>Development only: <c>dotnet user-jwts create --scheme DevJwt</c> tokens (<c>Authentication:Schemes:DevJwt</c>).</summary>
    public const string DevelopmentTokens = "DevJwt";

    /// <summary>Development only: a request without a token acts as the configured persona.</summary>
    public const string DevelopmentIdentity = "DevelopmentIdentity";

    /// <summary>Development only: picks one of the above for each request.</summary>
    public const string Development = "Development";

    /// <summary>The issuer <c>dotnet user-jwts</c> writes, unless <c>Authentication:Schemes:DevJwt:ValidIssuer</c> says otherwise.</summary>
    public const string UserJwtsIssuer = "dotnet-user-jwts";
}
