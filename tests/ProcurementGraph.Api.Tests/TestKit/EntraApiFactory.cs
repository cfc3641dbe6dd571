using ProcurementGraph.TestKit;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// The real application in the Production environment (no development identity, no user-jwts scheme), over its own
/// copy of the demo database, validating tokens of <see cref="FakeEntraId"/> with Microsoft.Identity.Web: the only
/// change is where the OpenID metadata and keys come from (an in-memory handler instead of the network).
/// Shared by the <see cref="EntraCollection"/>: one authority per process (see <see cref="FakeEntraId"/>).
/// </summary>
public sealed class EntraApiFactory : ApiHost
{
    public FakeEntraId Entra { get; } = FakeEntraId.Shared;

    public CapturedLogs Logs { get; } = new();

    /// <summary>A client with a fresh valid token; <paramref name="configure"/> sets roles, scopes and claims.</summary>
    public HttpClient CreateClient(Action<EntraToken> configure) => CreateClient(Entra.CreateToken(configure));

    protected override void Configure(ApiHostBuilder host) =>
        host.InEnvironment("Production").OnTheRealDate().OnSqlite(DatabasePath).WithEntra(Entra).WithLogs(Logs);
}
