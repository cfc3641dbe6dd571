using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>
/// Two servers: the demo data, and the demo data with <see cref="RandomAggregateData"/>'s seeded random rows added (written
/// through EF Core, so through the triggers). The aggregate and the performance tests run on both.
/// </summary>
public class DemoAndRandomApis : IAsyncLifetime
{
    public const string Demo = "demo";
    public const string Random = "random";

    public static TheoryData<string> Sets => [Demo, Random];

    public ApiFactory DemoApi { get; } = new();

    public ApiFactory RandomApi { get; } = new();

    public ApiFactory Api(string set) => set == Random ? RandomApi : DemoApi;

    public virtual async Task InitializeAsync()
    {
        await DemoApi.InitializeAsync();
        await RandomApi.InitializeAsync();
        await RandomAggregateData.ApplyAsync(RandomApi.DatabasePath);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)DemoApi).DisposeAsync();
        await ((IAsyncLifetime)RandomApi).DisposeAsync();
    }
}

/// <summary>The two servers of the aggregate tests, with every row of each read with plain SQL (the oracle's input).</summary>
public sealed class AggregateData : DemoAndRandomApis
{
    private readonly Dictionary<string, AggregateOracleRows> _rows = [];

    public AggregateOracleRows Rows(string set) => _rows[set];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rows[Demo] = await AggregateOracleRows.LoadAsync(DemoApi.DatabasePath);
        _rows[Random] = await AggregateOracleRows.LoadAsync(RandomApi.DatabasePath);
    }
}

/// <summary>The aggregate test classes share <see cref="AggregateData"/> and run one after another (statement counts).</summary>
[CollectionDefinition(Name)]
public sealed class AggregateCollection : ICollectionFixture<AggregateData>
{
    public const string Name = "Aggregates";
}
