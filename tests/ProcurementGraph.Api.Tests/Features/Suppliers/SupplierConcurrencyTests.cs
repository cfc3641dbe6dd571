using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Suppliers;

/// <summary>Optimistic concurrency: parallel writers with the same expectedVersion, exactly one wins and nothing is lost.</summary>
public sealed class SupplierConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Fifty_parallel_updates_with_the_same_expected_version_have_exactly_one_winner()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var version = (string)(await editor.PostGraphQLAsync("{ supplier(id: \"" + Id("Supplier", 5) + "\") { version } }")).Body["data"]!["supplier"]!["version"]!;
        const string Update = """
            mutation Update($input: UpdateSupplierInput!) {
              updateSupplier(input: $input) { supplier { city version } errors { __typename ... on ConcurrencyConflictError { currentVersion } } }
            }
            """;

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var (_, body) = await api.CreateAs(Editor).PostGraphQLAsync(Update, new { input = new { id = Id("Supplier", 5), expectedVersion = version, city = $"City {i}" } });
            return (City: $"City {i}", Payload: body.Payload("updateSupplier"));
        }));

        // Assert
        var winners = answers.Where(a => a.Payload["supplier"] is not null).ToList();
        var winner = Assert.Single(winners);
        var losers = answers.Where(a => a.Payload["supplier"] is null).ToList();
        Assert.Equal(49, losers.Count);
        var current = (string)winner.Payload["supplier"]!["version"]!;
        Assert.All(losers, l =>
        {
            Assert.Equal("ConcurrencyConflictError", (string?)l.Payload["errors"]![0]!["__typename"]);
            Assert.Equal(current, (string?)l.Payload["errors"]![0]!["currentVersion"]);
        });
        Assert.Equal(winner.City, (string?)winner.Payload["supplier"]!["city"]);
        Assert.Equal(1, api.Scalar($"SELECT COUNT(*) FROM Suppliers WHERE Id = 5 AND City = '{winner.City}'"));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'updateSupplier' AND EntityKey = '5'"));
    }
}
