using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>Two servers for the aggregate tests: the demo data, and the demo data with seeded random rows added.</summary>
public sealed class AggregateData : IAsyncLifetime
{
    public const string Demo = "demo";
    public const string Random = "random";

    private readonly Dictionary<string, AggregateOracleRows> _rows = [];

    public ApiFactory DemoApi { get; } = new();

    public ApiFactory RandomApi { get; } = new();

    public static TheoryData<string> Sets => [Demo, Random];

    public ApiFactory Api(string set) => set == Random ? RandomApi : DemoApi;

    public AggregateOracleRows Rows(string set) => _rows[set];

    public async Task InitializeAsync()
    {
        await DemoApi.InitializeAsync();
        await RandomApi.InitializeAsync();
        await RandomAggregateData.ApplyAsync(RandomApi.DatabasePath);
        _rows[Demo] = await AggregateOracleRows.LoadAsync(DemoApi.DatabasePath);
        _rows[Random] = await AggregateOracleRows.LoadAsync(RandomApi.DatabasePath);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)DemoApi).DisposeAsync();
        await ((IAsyncLifetime)RandomApi).DisposeAsync();
    }
}

/// <summary>The aggregate test classes share <see cref="AggregateData"/> and run one after another (statement counts).</summary>
[CollectionDefinition(Name)]
public sealed class AggregateCollection : ICollectionFixture<AggregateData>
{
    public const string Name = "Aggregates";
}
