using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Security;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// When the server starts (not for the CLI verbs): refuses to serve without an Entra app registration where one is
/// needed (a <see cref="StartupException"/> naming the settings), and warns when the development identity is on.
/// </summary>
public sealed partial class SecurityStartupCheck(
    SecurityStartupFacts facts,
    IConfiguration configuration,
    IOptions<SecurityOptions> security,
    ILogger<SecurityStartupCheck> logger) : IStartupCheck
{
    public void Run()
    {
        if (facts.Entra && !AuthenticationRegistration.IsEntraConfigured(configuration))
        {
            throw new StartupException(
                "AzureAd:TenantId and AzureAd:ClientId are required: the server validates Entra ID tokens (outside Development, or with both development ways off); set the API's app registration, e.g. AzureAd__ClientId.");
        }

        if (facts.DevelopmentIdentity)
        {
            var persona = security.Value.DevelopmentIdentity;
            LogDevelopmentIdentity(logger, persona.Name, string.Join(", ", persona.EffectiveRoles));
        }

        if (facts.DevelopmentTokens)
        {
            LogDevelopmentTokens(logger, ProcurementAuthenticationSchemes.DevelopmentTokens);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Development identity is on: requests without a token act as '{Name}' ({Roles}). Never outside Development.")]
    private static partial void LogDevelopmentIdentity(ILogger logger, string name, string roles);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "dotnet user-jwts tokens are accepted (scheme {Scheme}, settings Authentication:Schemes:{Scheme}).")]
    private static partial void LogDevelopmentTokens(ILogger logger, string scheme);
}
