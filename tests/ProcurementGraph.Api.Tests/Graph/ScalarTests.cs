using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>The scalars carry HotChocolate v15's names (docs/SCALARS.md), and clients can declare variables of them.</summary>
public sealed class ScalarTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The scalars a field or argument of the schema uses.</summary>
    private static readonly string[] UsedScalars = ["Boolean", "Decimal", "Float", "ID", "Int", "LocalDate", "String"];

    /// <summary>HotChocolate's built-in scalars the schema carries although no field uses them.</summary>
    private static readonly string[] CarriedScalars = ["Byte", "Date", "DateTime", "Long", "Short", "URL", "UUID"];

    [Fact]
    public async Task The_schema_has_hotchocolates_scalars_and_no_others()
    {
        var client = api.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("{ __schema { types { kind name } } }");

        var scalars = body["data"]!["__schema"]!["types"]!.AsArray()
            .Where(t => (string?)t!["kind"] == "SCALAR").Select(t => (string)t!["name"]!).Order(StringComparer.Ordinal);
        Assert.Equal(UsedScalars.Concat(CarriedScalars).Order(StringComparer.Ordinal), scalars);
    }

    [Fact]
    public async Task Scalars_used_by_the_schema_are_named_as_hotchocolate_names_them()
    {
        var client = api.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("""
            {
              contract: __type(name: "Contract") { fields { name type { name ofType { name } } } }
              filter: __type(name: "ContractFilterInput") { inputFields { name type { name } } }
            }
            """);

        var fields = body["data"]!["contract"]!["fields"]!.AsArray()
            .ToDictionary(f => (string)f!["name"]!, f => (string?)f!["type"]!["name"] ?? (string?)f["type"]!["ofType"]!["name"]);
        Assert.Equal("Decimal", fields["annualValue"]);
        Assert.Equal("LocalDate", fields["endDate"]);
        var inputs = body["data"]!["filter"]!["inputFields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => (string?)f!["type"]!["name"]);
        Assert.Equal("DecimalOperationFilterInput", inputs["annualValue"]);
        Assert.Equal("LocalDateOperationFilterInput", inputs["endDate"]);
    }

    [Fact]
    public async Task An_operation_with_a_variable_of_every_used_scalar_runs()
    {
        var client = api.CreateClient();

        var (response, body) = await client.PostGraphQLAsync("""
            query EveryScalar($value: Decimal!, $from: LocalDate!, $name: String!, $first: Int!, $progress: Float!,
                              $diverse: Boolean!, $supplier: ID!) {
              contracts(first: $first, where: { annualValue: { gt: $value }, endDate: { gte: $from } }) { totalCount }
              suppliers(first: $first, where: { name: { contains: $name }, isDiverse: { eq: $diverse } }) { totalCount }
              strategicGoals(where: { progress: { gte: $progress } }) { totalCount }
              supplier(id: $supplier) { name }
            }
            """,
            new Dictionary<string, object>
            {
                ["value"] = 100000.5m, ["from"] = "2026-06-30", ["name"] = "a", ["first"] = 1, ["progress"] = 0.1,
                ["diverse"] = false, ["supplier"] = "U3VwcGxpZXI6MQ==",
            });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.True((int)body["data"]!["contracts"]!["totalCount"]! > 0);
        Assert.True((int)body["data"]!["suppliers"]!["totalCount"]! > 0);
        Assert.True((int)body["data"]!["strategicGoals"]!["totalCount"]! > 0);
        Assert.NotNull((string?)body["data"]!["supplier"]!["name"]);
    }

    [Fact]
    public async Task The_issues_decimal_variable_query_runs()
    {
        var client = api.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(
            "query($v: Decimal!) { contracts(where: { annualValue: { gt: $v } }) { totalCount } }", new { v = 250000 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.True((int)body["data"]!["contracts"]!["totalCount"]! > 0);
    }

    [Theory]
    [InlineData("Byte", "200")]
    [InlineData("Short", "-3000")]
    [InlineData("Long", "9007199254740993")]
    [InlineData("DateTime", "\"2026-06-30T12:00:00Z\"")]
    [InlineData("Date", "\"2026-06-30\"")]
    [InlineData("UUID", "\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"")]
    [InlineData("URL", "\"https://example.com/a?b=c\"")]
    public async Task A_carried_scalar_is_a_known_input_type(string scalar, string value)
    {
        var client = api.CreateClient();

        // No argument takes these types, so a variable of them cannot be used (NoUnusedVariables); their default value
        // is still coerced by the scalar, which proves the type is known and an input type.
        var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = $"query($v: {scalar} = {value}) {{ __typename }}",
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var errors = body["errors"]!.AsArray();
        Assert.Single(errors);
        Assert.Contains("never used", (string)errors[0]!["message"]!, StringComparison.Ordinal);
    }
}
