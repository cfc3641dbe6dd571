namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>
/// Every grouping key of every aggregate, alone, with every function of every measure and the distinct count of every key,
/// through HTTP, equal to the same figures computed over all rows read with plain SQL — on the demo data and on seeded random rows.
/// </summary>
[Collection(AggregateCollection.Name)]
public sealed class EveryKeyTests(AggregateData data)
{
    public static TheoryData<string, string> ContractKeys => AggregateSpecsOf.Each(AggregateSpecsOf.ContractKeys);

    public static TheoryData<string, string> RatingKeys => AggregateSpecsOf.Each(AggregateSpecsOf.RatingKeys);

    public static TheoryData<string, string> SupplierKeys => AggregateSpecsOf.Each(AggregateSpecsOf.SupplierKeys);

    [Theory]
    [MemberData(nameof(ContractKeys))]
    public async Task Contracts_grouped_by_each_key_equal_the_oracle(string set, string key)
    {
        var client = data.Api(set).CreateClient();
        var keys = AggregateSpecsOf.ContractKeys;

        await AggregateChecks.AssertEveryGroupAsync(client, "contractsAggregate", keys.Single(k => k.Value == key), keys, AggregateSpecsOf.ContractMeasures, data.Rows(set).Contracts);
    }

    [Theory]
    [MemberData(nameof(RatingKeys))]
    public async Task Ratings_grouped_by_each_key_equal_the_oracle(string set, string key)
    {
        var client = data.Api(set).CreateClient();
        var keys = AggregateSpecsOf.RatingKeys;

        await AggregateChecks.AssertEveryGroupAsync(client, "ratingsAggregate", keys.Single(k => k.Value == key), keys, AggregateSpecsOf.RatingMeasures, data.Rows(set).Ratings);
    }

    [Theory]
    [MemberData(nameof(SupplierKeys))]
    public async Task Suppliers_grouped_by_each_key_equal_the_oracle(string set, string key)
    {
        var client = data.Api(set).CreateClient();
        var keys = AggregateSpecsOf.SupplierKeys;

        await AggregateChecks.AssertEveryGroupAsync(client, "suppliersAggregate", keys.Single(k => k.Value == key), keys, AggregateSpecsOf.SupplierMeasures, data.Rows(set).Suppliers);
    }
}
