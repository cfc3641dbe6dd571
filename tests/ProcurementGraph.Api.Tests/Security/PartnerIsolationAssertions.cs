using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>Partner clients and the assertions the partner isolation tests share.</summary>
public static class PartnerIsolationAssertions
{
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>
    /// A client with an Entra app token holding the <c>Partner</c> role (plus <paramref name="otherRoles"/>) and
    /// <paramref name="supplierClaim"/> as its <c>supplier_id</c> claim (none when null).
    /// </summary>
    public static HttpClient PartnerClient(this EntraApiFactory api, string? supplierClaim, params string[] otherRoles) =>
        api.CreateClient(t =>
        {
            t.Roles.Add("Partner");
            foreach (var role in otherRoles)
            {
                t.Roles.Add(role);
            }

            if (supplierClaim is not null)
            {
                t.Claims["supplier_id"] = supplierClaim;
            }
        });

    /// <summary>A partner of <see cref="PartnerIsolationData.OwnSupplierId"/>.</summary>
    public static HttpClient OwnPartnerClient(this EntraApiFactory api) =>
        api.PartnerClient(PartnerIsolationData.OwnSupplierId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Posts the operation and checks the HTTP status: GraphQL answers 200 whatever the field errors.</summary>
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null)
    {
        var (response, body) = await client.PostGraphQLAsync(query, variables);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    /// <summary>The value at a dotted path below <c>data</c> (<c>suppliers.nodes.0.name</c>); null when absent or null.</summary>
    public static JsonNode? Data(this JsonNode body, string path)
    {
        var node = body["data"];
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                JsonArray array => array[int.Parse(part, CultureInfo.InvariantCulture)],
                JsonObject item => item[part],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The nodes of the connection at <paramref name="path"/>.</summary>
    public static List<JsonNode> Nodes(this JsonNode body, string path) =>
        [.. (body.Data(path + ".nodes") ?? throw new Xunit.Sdk.XunitException($"No nodes at {path}: {body.ToJsonString()}")).AsArray().Select(n => n!)];

    /// <summary>The string values of <paramref name="property"/> in <paramref name="items"/>.</summary>
    public static List<string> Strings(this IEnumerable<JsonNode> items, string property) =>
        [.. items.Select(n => (string?)n[property] ?? throw new Xunit.Sdk.XunitException($"No {property} in {n.ToJsonString()}"))];

    public static void AssertNoErrors(JsonNode body) =>
        Assert.True(body["errors"] is null, $"Unexpected errors: {body["errors"]?.ToJsonString()}");

    /// <summary>
    /// The response denies exactly the fields at <paramref name="paths"/> (dotted, from the root field): each is null,
    /// with an <c>AUTH_NOT_AUTHORIZED</c> error on its path and the standard message, and no other error.
    /// </summary>
    public static void AssertDenied(JsonNode body, params string[] paths)
    {
        var errors = body["errors"]?.AsArray() ?? throw new Xunit.Sdk.XunitException($"No errors: {body.ToJsonString()}");
        Assert.All(errors, error =>
        {
            Assert.Equal(NotAuthorized, (string?)error!["extensions"]?["code"]);
            Assert.Equal("The current user is not authorized to access this resource.", (string?)error["message"]);
        });
        Assert.Equal(paths.Order(StringComparer.Ordinal), errors.Select(e => PathOf(e!)).Order(StringComparer.Ordinal));
        Assert.All(paths, path => Assert.Null(body.Data(path)));
    }

    /// <summary>No string anywhere in the response (data, error messages, extensions) is another supplier's.</summary>
    public static void AssertNothingForeign(JsonNode body, PartnerIsolationData data)
    {
        var leaked = StringValues(body).Where(data.NeverVisible.Contains).Distinct().ToList();
        Assert.True(leaked.Count == 0, $"Other suppliers' data in the response: {string.Join(", ", leaked)}");
    }

    public static string PathOf(JsonNode error) =>
        string.Join('.', (error["path"]?.AsArray() ?? []).Select(p => p!.ToString()));

    private static IEnumerable<string> StringValues(JsonNode? node) => node switch
    {
        JsonObject item => item.SelectMany(p => StringValues(p.Value)),
        JsonArray array => array.SelectMany(StringValues),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
