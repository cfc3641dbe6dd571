namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>The real application on the SQL Server provider, with <see cref="OfflineSqlServer"/> standing in for the server.</summary>
public sealed class SqlServerApiFactory : ApiHost
{
    public OfflineSqlServer Offline { get; } = new();

    /// <summary>No SQLite file: the offline server answers every command.</summary>
    public override Task InitializeAsync() => Task.CompletedTask;

    protected override void Configure(ApiHostBuilder host) => host.OnOfflineSqlServer(Offline);
}
