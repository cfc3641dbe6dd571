using ProcurementGraph.TestKit;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// The real application in Development over its own copy of the seeded demo database, accepting <c>dotnet user-jwts</c>
/// tokens (<see cref="Token"/>), with a statement counter on every context. Use as a class fixture: one database per test class.
/// </summary>
public sealed class ApiFactory : ApiHost
{
    private readonly string _signingKey = DevelopmentTokens.NewSigningKey();

    public SqlStatementCounter Sql { get; } = new();

    /// <summary>A <c>dotnet user-jwts</c> token with <paramref name="roles"/> and <paramref name="claims"/> (valid for an hour unless given).</summary>
    public string Token(IEnumerable<string> roles, IDictionary<string, object>? claims = null, string name = "dev-user", TimeSpan? lifetime = null) =>
        DevelopmentTokens.Create(_signingKey, roles, claims, name, lifetime);

    /// <summary>A client sending a <c>dotnet user-jwts</c> token with <paramref name="roles"/> and <paramref name="claims"/>.</summary>
    public HttpClient CreateClient(IEnumerable<string> roles, IDictionary<string, object>? claims = null, string name = "dev-user") =>
        CreateClient(Token(roles, claims, name));

    protected override void Configure(ApiHostBuilder host) =>
        host.OnSqlite(DatabasePath).WithDevelopmentTokens(_signingKey).WithInterceptors(Sql);
}
