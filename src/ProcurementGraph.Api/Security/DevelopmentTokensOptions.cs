namespace ProcurementGraph.Api.Security;

/// <summary>
/// <c>Security:DevelopmentTokens</c>: accept tokens minted by <c>dotnet user-jwts create --scheme DevJwt</c>. Their signing
/// key, issuer and audiences come from <c>Authentication:Schemes:DevJwt:*</c>, as the tool writes them (user secrets and
/// <c>appsettings.Development.json</c>) or from environment variables. On by default in Development; refused elsewhere.
/// </summary>
public sealed class DevelopmentTokensOptions
{
    /// <summary>Null (default): on in Development, off elsewhere. True outside Development stops the start.</summary>
    public bool? Enabled { get; set; }
}
