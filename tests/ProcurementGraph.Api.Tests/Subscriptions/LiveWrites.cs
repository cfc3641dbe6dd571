using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>The mutations subscription tests make events with, through HTTP as any client sends them.</summary>
public static class LiveWrites
{
    public const string ChangeContractStatus = """
        mutation($input: ChangeContractStatusInput!) {
          changeContractStatus(input: $input) { contract { status version } errors { __typename ... on Error { message } } }
        }
        """;

    public const string UpdateSupplier = """
        mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { supplier { version } errors { __typename ... on Error { message } } } }
        """;

    public const string SubmitRating = """
        mutation($input: SubmitRatingInput!) { submitRating(input: $input) { stakeholderRating { id version } errors { __typename ... on Error { message } } } }
        """;

    public const string RecordGoalProgress = """
        mutation($input: RecordGoalProgressInput!) { recordGoalProgress(input: $input) { strategicGoal { current version } errors { __typename ... on Error { message } } } }
        """;

    /// <summary>The current version of <paramref name="type"/> <paramref name="key"/>.</summary>
    public static async Task<string> VersionOf(HttpClient client, string type, int key)
    {
        var (_, body) = await client.PostGraphQLAsync(
            $"query($id: ID!) {{ node(id: $id) {{ ... on {type} {{ version }} }} }}", new { id = Id(type, key) });
        return (string?)body["data"]?["node"]?["version"] ?? throw new InvalidOperationException($"No version for {type}:{key}: {body.ToJsonString()}");
    }

    public static async Task<JsonNode> ChangeContractStatusAsync(HttpClient editor, int contract, string status)
    {
        var version = await VersionOf(editor, "Contract", contract);
        var (_, body) = await editor.PostGraphQLAsync(ChangeContractStatus, new { input = new { id = Id("Contract", contract), expectedVersion = version, status } });
        return body.Payload("changeContractStatus");
    }

    public static async Task<JsonNode> UpdateSupplierCityAsync(HttpClient editor, int supplier, string city)
    {
        var version = await VersionOf(editor, "Supplier", supplier);
        var (_, body) = await editor.PostGraphQLAsync(UpdateSupplier, new { input = new { id = Id("Supplier", supplier), expectedVersion = version, city } });
        return body.Payload("updateSupplier");
    }

    public static async Task<JsonNode> SubmitRatingAsync(HttpClient rater, int supplier, int overall = 4)
    {
        var (_, body) = await rater.PostGraphQLAsync(SubmitRating, new
        {
            input = new { supplierId = Id("Supplier", supplier), period = "2026-Q2", quality = 4, delivery = 3, responsiveness = 5, innovation = 3, costValue = 4, overall },
        });
        return body.Payload("submitRating");
    }

    public static async Task<JsonNode> RecordGoalProgressAsync(HttpClient editor, int goal, decimal current)
    {
        var version = await VersionOf(editor, "StrategicGoal", goal);
        var (_, body) = await editor.PostGraphQLAsync(RecordGoalProgress, new { input = new { id = Id("StrategicGoal", goal), expectedVersion = version, current } });
        return body.Payload("recordGoalProgress");
    }
}
