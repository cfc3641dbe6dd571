using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Authorization;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// Authentication and authorization: Entra ID through Microsoft.Identity.Web (<c>AzureAd</c>), the claim types of
/// <c>Security</c>, the API's policies, and in Development only the <c>dotnet user-jwts</c> scheme and the development
/// identity. A development way switched on outside Development stops the start with one line.
/// </summary>
public static class AuthenticationRegistration
{
    public const string AzureAdSectionName = "AzureAd";

    public static IServiceCollection AddProcurementAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SecurityOptions.SectionName);
        var security = section.Get<SecurityOptions>() ?? new SecurityOptions();
        Validate(security);
        var isDevelopment = environment.IsDevelopment();
        var developmentIdentity = DevelopmentOnly(security.DevelopmentIdentity.Enabled, "Security:DevelopmentIdentity:Enabled", "development identity", environment);
        var developmentTokens = DevelopmentOnly(security.DevelopmentTokens.Enabled, "Security:DevelopmentTokens:Enabled", "dotnet user-jwts scheme", environment);
        var entra = !isDevelopment || IsEntraConfigured(configuration) || (!developmentIdentity && !developmentTokens);

        services.Configure<SecurityOptions>(section);
        services.AddSingleton(new SecurityStartupFacts(entra, developmentIdentity, developmentTokens));
        services.AddSingleton<IStartupCheck, SecurityStartupCheck>();

        var useSelector = developmentIdentity || developmentTokens;
        var authentication = services.AddAuthentication(useSelector ? ProcurementAuthenticationSchemes.Development : ProcurementAuthenticationSchemes.Entra);
        if (entra)
        {
            authentication.AddMicrosoftIdentityWebApi(configuration.GetSection(AzureAdSectionName), ProcurementAuthenticationSchemes.Entra);
            services.Configure<JwtBearerOptions>(ProcurementAuthenticationSchemes.Entra, options =>
                Harden(options, security.RoleClaimType, security.NameClaimType));
        }

        if (developmentTokens)
        {
            // Signing keys, issuer and audiences: Authentication:Schemes:DevJwt:* (ASP.NET Core reads them, as user-jwts writes them).
            authentication.AddJwtBearer(ProcurementAuthenticationSchemes.DevelopmentTokens, options => Harden(options, "role", "unique_name"));
        }

        if (developmentIdentity)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentIdentityHandler>(ProcurementAuthenticationSchemes.DevelopmentIdentity, null);
        }

        if (useSelector)
        {
            var issuer = configuration[$"Authentication:Schemes:{ProcurementAuthenticationSchemes.DevelopmentTokens}:ValidIssuer"];
            var selector = new DevelopmentSchemeSelector(entra, developmentTokens, developmentIdentity,
                string.IsNullOrWhiteSpace(issuer) ? ProcurementAuthenticationSchemes.UserJwtsIssuer : issuer);
            authentication.AddPolicyScheme(ProcurementAuthenticationSchemes.Development, "Development", options =>
                options.ForwardDefaultSelector = selector.Select);
        }

        services.AddAuthorization(options => ProcurementPolicies.Register(options, security.RequiredScope));
        services.AddGraphQLEndpointAuthorization();
        return services;
    }

    /// <summary>Whether <c>AzureAd</c> names an app registration (client and tenant).</summary>
    public static bool IsEntraConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{AzureAdSectionName}:ClientId"])
        && !string.IsNullOrWhiteSpace(configuration[$"{AzureAdSectionName}:TenantId"]);

    private static void Validate(SecurityOptions security)
    {
        (string Setting, string Value)[] required =
        [
            ("Security:RoleClaimType", security.RoleClaimType),
            ("Security:SupplierClaimType", security.SupplierClaimType),
            ("Security:BusinessUnitClaimType", security.BusinessUnitClaimType),
            ("Security:NameClaimType", security.NameClaimType),
            ("Security:RequiredScope", security.RequiredScope),
        ];
        if (required.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Value)) is { Setting: { } empty })
        {
            throw new StartupException($"{empty} must not be empty.");
        }

        if (security.DevelopmentIdentity.Roles.FirstOrDefault(r => !ProcurementRoles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            throw new StartupException(
                $"Security:DevelopmentIdentity:Roles: '{unknown}' is not an app role; use {string.Join(", ", ProcurementRoles.All)}.");
        }
    }

    private static bool DevelopmentOnly(bool? enabled, string setting, string what, IHostEnvironment environment)
    {
        if (enabled == true && !environment.IsDevelopment())
        {
            throw new StartupException(
                $"{setting} is true but the environment is '{environment.EnvironmentName}': the {what} is refused outside Development.");
        }

        return enabled ?? environment.IsDevelopment();
    }

    /// <summary>Claims keep their token names; the reason a token failed is logged, never put in WWW-Authenticate.</summary>
    private static void Harden(JwtBearerOptions options, string roleClaimType, string nameClaimType)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters.RoleClaimType = roleClaimType;
        options.TokenValidationParameters.NameClaimType = nameClaimType;
        options.Events ??= new JwtBearerEvents();
        var challenge = options.Events.OnChallenge;
        options.Events.OnChallenge = async context =>
        {
            await challenge(context).ConfigureAwait(false);
            context.ErrorDescription = null; // keeps error="invalid_token", drops the reason
            context.ErrorUri = null;
        };
    }
}
