using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Ratings;

/// <summary>submitRatings: up to 1,000 ratings validated together, per-item errors by index, all-or-nothing unless skipInvalid.</summary>
public sealed class RatingBatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string SubmitMany = """
        mutation SubmitMany($input: SubmitRatingsInput!) {
          submitRatings(input: $input) {
            stakeholderRatings { id supplier { id } overall }
            errors { __typename ... on Error { message } ... on ValidationError { field code index } ... on NotFoundError { field index } }
          }
        }
        """;

    private static object Item(int supplier, int overall = 3, string period = "2026-Q2") => new
    {
        supplierId = Id("Supplier", supplier), period,
        quality = 3, delivery = 4, responsiveness = 3, innovation = 2, costValue = 4, overall,
    };

    [Fact]
    public async Task A_thousand_ratings_are_written_in_one_transaction_with_batched_statements()
    {
        // Arrange
        var client = api.CreateRater();
        var items = Enumerable.Range(0, 1000).Select(i => Item(1 + (i % 500), 1 + (i % 5))).ToArray();
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        api.Sql.Reset();

        // Act
        var (_, body) = await client.PostGraphQLAsync(SubmitMany, new { input = new { ratings = items } });

        // Assert
        var payload = body.Payload("submitRatings");
        Assert.Null(payload["errors"]);
        var ratings = payload["stakeholderRatings"]!.AsArray();
        Assert.Equal(1000, ratings.Count);
        Assert.Equal(Id("Supplier", 1), (string?)ratings[0]!["supplier"]!["id"]);
        Assert.Equal(Id("Supplier", 500), (string?)ratings[999]!["supplier"]!["id"]);
        Assert.Equal(5, (int)ratings[999]!["overall"]!);
        Assert.Equal(before + 1000, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
        Assert.Equal(1000, api.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Operation = 'submitRatings'"));
        // the multi-row INSERTs bypass SaveChanges and still give every row its own 8-byte version (SQLite's application-managed token)
        Assert.Equal(before + 1000, api.Scalar("SELECT COUNT(DISTINCT Version) FROM StakeholderRatings WHERE length(Version) = 8"));
        // 1 for the references, multi-row INSERTs of at most 1,000 parameters for the ratings (16) and their audit rows (11), 1 to read back.
        Assert.True(api.Sql.Count <= 30, $"{api.Sql.Count} statements for 1,000 ratings");
        Assert.Equal(1000, api.Sql.Commands.Where(s => s.StartsWith("INSERT INTO \"StakeholderRatings\"", StringComparison.Ordinal)).Sum(s => s.Split("), (").Length));
    }

    [Fact]
    public async Task Invalid_items_are_reported_by_index_and_by_default_nothing_is_written()
    {
        // Arrange
        var client = api.CreateRater();
        var items = new[] { Item(3), Item(4, overall: 9), Item(99999), Item(5, period: "2026-Q5") };
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");

        // Act
        var (_, body) = await client.PostGraphQLAsync(SubmitMany, new { input = new { ratings = items } });

        // Assert
        var payload = body.Payload("submitRatings");
        Assert.Null(payload["stakeholderRatings"]);
        var errors = payload["errors"]!.AsArray().Select(e => ((string?)e!["field"], (int?)e["index"])).ToList();
        Assert.Equal([("ratings[1].overall", 1), ("ratings[3].period", 3), ("ratings[2].supplierId", 2)], errors);
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Fact]
    public async Task With_skip_invalid_the_valid_items_are_written_and_the_invalid_reported()
    {
        // Arrange
        var client = api.CreateRater();
        var items = new[] { Item(3), Item(4, overall: 0), Item(6) };
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");

        // Act
        var (_, body) = await client.PostGraphQLAsync(SubmitMany, new { input = new { ratings = items, skipInvalid = true } });

        // Assert
        var payload = body.Payload("submitRatings");
        Assert.Equal([Id("Supplier", 3), Id("Supplier", 6)], payload["stakeholderRatings"]!.AsArray().Select(r => (string?)r!["supplier"]!["id"]));
        Assert.Equal([("ValidationError", "ratings[1].overall", "OUT_OF_RANGE")], payload.Errors());
        Assert.Equal(before + 2, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Fact]
    public async Task More_than_a_thousand_ratings_are_refused()
    {
        // Arrange
        var client = api.CreateRater();
        var items = Enumerable.Range(0, 1001).Select(_ => Item(3)).ToArray();

        // Act
        var (_, body) = await client.PostGraphQLAsync(SubmitMany, new { input = new { ratings = items } });

        // Assert
        Assert.Equal([("ValidationError", "ratings", "TOO_MANY")], body.Payload("submitRatings").Errors());
    }
}
