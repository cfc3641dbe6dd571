using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>Helpers for mutation tests: the dev-token personas, global IDs, payload errors and direct reads of the test database.</summary>
public static class Writes
{
    public const string Rater = "Stakeholder.Rater";
    public const string Editor = "Procurement.Editor";
    public const string Admin = "Procurement.Admin";
    public const string Reader = "Procurement.Reader";
    public const string Partner = "Partner";

    /// <summary>A rater of the demo data's business unit 1 (<c>MFG-EU</c>).</summary>
    public static HttpClient CreateRater(this ApiFactory api, string unit = "MFG-EU") =>
        api.CreateClient([Rater], new Dictionary<string, object> { ["business_unit"] = unit, ["email"] = "rita.rater@example.com" }, "Rita Rater");

    public static HttpClient CreateAs(this ApiFactory api, string role) => api.CreateClient([role], name: $"{role} user");

    /// <summary>The callers that may read but not change the procurement data (a theory's rows, for <see cref="CreateCaller"/>).</summary>
    public static TheoryData<string> NonEditors => [Reader, Rater, Partner];

    /// <summary>
    /// A client of <paramref name="role"/> as the write tests use them: a rater is <see cref="CreateRater"/>'s, a partner holds
    /// the supplier claim <paramref name="partnerSupplier"/>, any other role is <see cref="CreateAs"/>'s.
    /// </summary>
    public static HttpClient CreateCaller(this ApiFactory api, string role, string partnerSupplier = "12") => role switch
    {
        Rater => api.CreateRater(),
        Partner => api.CreateClient([Partner], new Dictionary<string, object> { ["supplier_id"] = partnerSupplier }),
        _ => api.CreateAs(role),
    };

    public static string Id(string type, int key) => GlobalId.Encode(type, key);

    /// <summary>The payload of mutation <paramref name="field"/>; fails when the response has GraphQL errors.</summary>
    public static JsonNode Payload(this JsonNode body, string field)
    {
        Assert.True(body["errors"] is null, "GraphQL errors: " + body["errors"]?.ToJsonString());
        return body["data"]![field]!;
    }

    /// <summary>The payload's errors as (typename, field, code) triples.</summary>
    public static List<(string Type, string? Field, string? Code)> Errors(this JsonNode payload) =>
        [.. payload["errors"]!.AsArray().Select(e => ((string)e!["__typename"]!, (string?)e["field"], (string?)e["code"]))];

    /// <summary>The first GraphQL error's code.</summary>
    public static string? ErrorCode(this JsonNode body) => (string?)body["errors"]?[0]?["extensions"]?["code"];

    /// <summary>A scalar from the test database, read past the server (to prove what was or was not written).</summary>
    public static long Scalar(this ApiFactory api, string sql)
    {
        using var connection = new SqliteConnection(TestDatabase.ConnectionString(api.DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
