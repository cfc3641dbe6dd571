using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>Idempotency-Key: a retry gets the first answer and writes nothing; another body is refused; keys expire; the store is the database.</summary>
public sealed class IdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Submit = """
        mutation Submit($input: SubmitRatingInput!) {
          submitRating(input: $input) { stakeholderRating { id overall } errors { __typename } }
        }
        """;

    private static object Rating(int overall) => new
    {
        input = new { supplierId = Id("Supplier", 9), period = "2026-Q2", quality = 3, delivery = 3, responsiveness = 3, innovation = 3, costValue = 3, overall },
    };

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_writes_nothing()
    {
        // Arrange
        var client = api.CreateRater();
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        var recordsBefore = api.Scalar("SELECT COUNT(*) FROM IdempotencyRecords");

        // Act
        var (first, firstBody) = await Send(client, "retry-1", Rating(4));
        var (second, secondBody) = await Send(client, "retry-1", Rating(4));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody, secondBody);
        Assert.Equal("true", second.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(before + 1, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
        Assert.Equal(recordsBefore + 1, api.Scalar("SELECT COUNT(*) FROM IdempotencyRecords"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_a_clear_error()
    {
        // Arrange
        var client = api.CreateRater();
        await Send(client, "reused-1", Rating(4));
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");

        // Act
        var (response, body) = await Send(client, "reused-1", Rating(2));

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = JsonNode.Parse(body)!["errors"]![0]!;
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (string?)error["extensions"]!["code"]);
        Assert.Contains("Idempotency-Key", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_and_survive_a_restart()
    {
        // Arrange
        var rita = api.CreateRater();
        var (_, first) = await Send(rita, "restart-1", Rating(5));
        using var restarted = api.WithWebHostBuilder(_ => { });
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");

        // Act: the same caller on a new host gets the stored answer; another caller with the same key runs its own request
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = api.CreateRater().DefaultRequestHeaders.Authorization;
        var (_, replay) = await Send(again, "restart-1", Rating(5));
        var (_, other) = await Send(api.CreateClient([Rater], new Dictionary<string, object> { ["business_unit"] = "MFG-EU" }, "Olga Other"), "restart-1", Rating(5));

        // Assert
        Assert.Equal(first, replay);
        Assert.NotEqual(first, other);
        Assert.Equal(before + 1, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Fact]
    public async Task An_expired_key_runs_as_a_new_request()
    {
        // Arrange
        using var factory = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Idempotency:ExpirationHours", "0"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = api.CreateRater().DefaultRequestHeaders.Authorization;
        var before = api.Scalar("SELECT COUNT(*) FROM StakeholderRatings");

        // Act
        await Send(client, "expiring-1", Rating(3));
        var (response, _) = await Send(client, "expiring-1", Rating(3));

        // Assert
        Assert.False(response.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(before + 2, api.Scalar("SELECT COUNT(*) FROM StakeholderRatings"));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(-1)]
    public async Task A_malformed_key_is_refused(int length)
    {
        // Arrange: longer than 255 characters, or with a control character
        var key = length > 0 ? new string('k', length) : "tab\there";


        // Act
        var (response, body) = await Send(api.CreateRater(), key, Rating(3));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_INVALID", (string?)JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]);
    }

    private static async Task<(HttpResponseMessage Response, string Body)> Send(HttpClient client, string key, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Submit, variables }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
