using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>
/// A client's mistake is a GraphQL error with a code and the right status (HotChocolate's: 400 when nothing ran, 200 when
/// the field failed), never a 500 and never a stack trace, and the server answers the next request as usual. Requests ask
/// for <c>application/graphql-response+json</c>, whose statuses carry the meaning (<c>application/json</c> is always 200).
/// </summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string ByWhere = "query($w: SupplierFilterInput) { suppliers(first: 1, where: $w) { nodes { name } } }";
    private const string ByFirst = "query($f: Int) { suppliers(first: $f) { nodes { name } } }";

    [Theory]
    [InlineData("{\"query\": ", "HC0011")]
    [InlineData("{query: \"{ me { name } }\"}", "HC0011")]
    [InlineData("{\"query\":\"{ me { name } }\"} trailing", "HC0011")]
    [InlineData("{\"query\":\"{ me { name } }\",}", "HC0011")]
    [InlineData("", "HC0009")]
    [InlineData("[]", "HC0009")]
    [InlineData("\"{ me { name } }\"", "HC0009")]
    [InlineData("{\"query\":5}", "HC0009")]
    [InlineData("{\"query\":\"{ me { name } }\",\"variables\":\"{}\"}", "HC0009")]
    [InlineData("{\"query\":\"{ me { name } }\",\"variables\":{\"a\":\"\\ud800\"}}", "HC0009")]
    [InlineData("{}", "HC0013")]
    public async Task Invalid_json_bodies_are_400_with_a_code(string body, string code)
    {
        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body));

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Json_nested_deeper_than_64_levels_is_400()
    {
        var body = "{\"query\":\"{ me { name } }\",\"variables\":{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}}";

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body));

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "HC0011", "depth");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    public async Task Invalid_utf8_in_the_body_is_400_HC0011(byte[] invalid)
    {
        byte[] body = [.. "{\"query\":\"{ me { name "u8, .. invalid, .. " } }\"}"u8];

        var response = await PostRawAsync(body);

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "HC0011", "UTF-8");
    }

    [Theory]
    [InlineData(ByFirst, """{"f":"abc"}""")]
    [InlineData(ByFirst, """{"f":99999999999}""")]
    [InlineData(ByFirst, """{"f":1.5}""")]
    [InlineData(ByFirst, """{"f":true}""")]
    [InlineData(ByFirst, """{"f":[1]}""")]
    [InlineData("query($id: ID!) { node(id: $id) { id } }", """{"id":null}""")]
    [InlineData("query($id: ID!) { node(id: $id) { id } }", """{"id":{"a":1}}""")]
    [InlineData("query($id: ID!) { node(id: $id) { id } }", "{}")]
    [InlineData(ByWhere, """{"w":[1,2]}""")]
    [InlineData(ByWhere, """{"w":"name"}""")]
    [InlineData(ByWhere, """{"w":{"nope":{"eq":"x"}}}""")]
    [InlineData(ByWhere, """{"w":{"name":{"eq":["a"]}}}""")]
    [InlineData(ByWhere, """{"w":{"name":{"in":[1,2]}}}""")]
    [InlineData(ByWhere, """{"w":{"onboardedOn":{"eq":"2020-13-45"}}}""")]
    [InlineData(ByWhere, """{"w":{"activeContractValue":{"gt":"1e400"}}}""")]
    [InlineData(ByWhere, """{"w":{"activeContractValue":{"gt":1e400}}}""")]
    [InlineData(ByWhere, """{"w":{"isDiverse":{"eq":"yes"}}}""")]
    public async Task Variables_of_the_wrong_type_are_400_INVALID_VALUE(string query, string variables)
    {
        var response = await PostRawAsync(Body(query, variables));

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_VALUE");
    }

    [Theory]
    [InlineData("""{ suppliers(first: "abc") { nodes { name } } }""")]
    [InlineData("{ suppliers(first: 99999999999) { nodes { name } } }")]
    [InlineData("""{ suppliers(first: 1, where: { onboardedOn: { eq: "2020-13-45" } }) { nodes { name } } }""")]
    [InlineData("{ suppliers(first: 1, where: { activeContractValue: { gt: 1e400 } }) { nodes { name } } }")]
    public async Task Literals_of_the_wrong_type_are_400_ARGUMENTS_OF_CORRECT_TYPE(string query)
    {
        var response = await PostAsync(query);

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "ARGUMENTS_OF_CORRECT_TYPE");
    }

    [Theory]
    [InlineData("{ suppliers(first: 1, where: { riskLevel: { eq: NOPE } }) { nodes { name } } }")]
    [InlineData("""{ suppliers(first: 1, where: { riskLevel: { eq: "HIGH" } }) { nodes { name } } }""")]
    [InlineData("{ suppliers(first: 1, where: { riskLevel: { in: [LOW, NOPE] } }) { nodes { name } } }")]
    [InlineData("{ suppliers(first: 1, order: [{ name: UP }]) { nodes { name } } }")]
    [InlineData("{ contracts(first: 1, where: { status: { eq: active } }) { nodes { number } } }")]
    public async Task Unknown_enum_values_in_literals_are_400(string query)
    {
        var response = await PostAsync(query);

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "ARGUMENTS_OF_CORRECT_TYPE");
    }

    [Theory]
    [InlineData("query($r: RiskLevel) { suppliers(first: 1, where: { riskLevel: { eq: $r } }) { nodes { name } } }", """{"r":"NOPE"}""")]
    [InlineData("query($r: RiskLevel) { suppliers(first: 1, where: { riskLevel: { eq: $r } }) { nodes { name } } }", """{"r":"high"}""")]
    [InlineData("query($r: RiskLevel) { suppliers(first: 1, where: { riskLevel: { eq: $r } }) { nodes { name } } }", """{"r":2}""")]
    [InlineData(ByWhere, """{"w":{"riskLevel":{"in":["LOW","NOPE"]}}}""")]
    [InlineData("query($o: [SupplierSortInput!]) { suppliers(first: 1, order: $o) { nodes { name } } }", """{"o":[{"name":"UP"}]}""")]
    public async Task Unknown_enum_values_in_variables_are_400_INVALID_VALUE(string query, string variables)
    {
        var response = await PostRawAsync(Body(query, variables));

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_VALUE");
    }

    [Fact]
    public async Task A_huge_string_under_the_body_limit_is_a_field_error_not_a_database_error()
    {
        var variables = JsonSerializer.Serialize(new { s = new string('x', 1_000_000) });

        var response = await PostRawAsync(Body("query($s: String) { suppliers(first: 1, where: { name: { contains: $s } }) { nodes { name } } }", variables));

        await AssertCodedErrorAsync(response, HttpStatusCode.OK, "FILTER_VALUE_TOO_LONG");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_HC0010()
    {
        var variables = JsonSerializer.Serialize(new { s = new string('x', 1_100_000) });

        var response = await PostRawAsync(Body("query($s: String) { suppliers(first: 1, where: { name: { contains: $s } }) { nodes { name } } }", variables));

        await AssertCodedErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "HC0010");
    }

    [Fact]
    public async Task A_document_and_a_variables_object_near_the_body_limit_are_still_answered()
    {
        var longDocument = "# " + new string('c', 900_000) + "\n{ suppliers(first: 1) { totalCount } }";
        var manyVariables = JsonSerializer.Serialize(Enumerable.Range(0, 40_000).ToDictionary(i => "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i));

        var (documentStatus, documentBody, documentText) = await PostAsync(longDocument);
        var (variablesStatus, variablesBody, variablesText) = await PostRawAsync(Body("{ suppliers(first: 1) { totalCount } }", manyVariables));

        Assert.Equal(HttpStatusCode.OK, documentStatus);
        Assert.True(documentBody?["data"]?["suppliers"] is not null, documentText);
        Assert.Equal(HttpStatusCode.OK, variablesStatus);
        Assert.True(variablesBody?["data"]?["suppliers"] is not null, variablesText);
    }

    [Fact]
    public async Task A_huge_in_list_near_the_body_limit_is_a_coded_error()
    {
        var values = Enumerable.Range(0, 80_000).Select(i => "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var variables = JsonSerializer.Serialize(new { w = new { name = new { @in = values } } });
        Assert.InRange(variables.Length, 700_000, 1_000_000);

        var response = await PostRawAsync(Body(ByWhere, variables));

        await AssertCodedErrorAsync(response, HttpStatusCode.OK, "FILTER_TOO_LARGE");
    }

    [Fact]
    public async Task A_huge_list_of_ids_is_a_coded_error()
    {
        var variables = JsonSerializer.Serialize(new { ids = Enumerable.Repeat("U3VwcGxpZXI6MQ==", 50_000) });

        var response = await PostRawAsync(Body("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables));

        await AssertCodedErrorAsync(response, HttpStatusCode.OK, "HC0076");
    }

    [Theory]
    [InlineData(5_000, "MAX_TOKENS_EXCEEDED")] // the document limits refuse it while parsing
    [InlineData(200, "HC0047")] // within the document limits, the cost limit refuses it
    public async Task Thousands_of_aliases_are_refused_before_execution(int aliases, string code)
    {
        var query = "{" + string.Join(" ", Enumerable.Range(0, aliases).Select(i => $"a{i}: suppliers(first: 1) {{ totalCount }}")) + "}";

        var response = await PostAsync(query);

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_where_nested_200_deep_in_a_literal_is_400_MAX_DEPTH_EXCEEDED()
    {
        var where = "{ name: { eq: \"x\" } }";
        for (var i = 0; i < 200; i++)
        {
            where = $"{{ and: [{where}] }}";
        }

        var response = await PostAsync($"{{ suppliers(first: 1, where: {where}) {{ nodes {{ name }} }} }}");

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_where_nested_200_deep_in_variables_is_400_and_a_reasonable_nesting_runs()
    {
        var deep = Nested(200);
        var reasonable = Nested(20);

        var deepJson = new JsonSerializerOptions { MaxDepth = 1024 };
        var refused = await PostRawAsync(Body(ByWhere, new JsonObject { ["w"] = deep }.ToJsonString(deepJson)));
        var (status, body, text) = await SendAsync(Body(ByWhere, new JsonObject { ["w"] = reasonable }.ToJsonString(deepJson)));

        await AssertCodedErrorAsync(refused, HttpStatusCode.BadRequest, "HC0011", "depth");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body?["errors"] is null, text);

        static JsonObject Nested(int depth)
        {
            var filter = new JsonObject { ["name"] = new JsonObject { ["eq"] = "x" } };
            for (var i = 0; i < depth; i++)
            {
                filter = new JsonObject { ["and"] = new JsonArray(filter) };
            }

            return filter;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_or_of_10000_filters_is_refused_with_a_code(bool inVariables)
    {
        var filters = Enumerable.Range(0, 10_000).Select(i => $"{{ name: {{ eq: \"x{i}\" }} }}");
        var response = inVariables
            ? await PostRawAsync(Body(ByWhere, JsonSerializer.Serialize(new
            {
                w = new { or = Enumerable.Range(0, 10_000).Select(i => new { name = new { eq = "x" + i } }) },
            })))
            : await PostAsync($"{{ suppliers(first: 1, where: {{ or: [{string.Join(", ", filters)}] }}) {{ nodes {{ name }} }} }}");

        // In a literal the document's token limit refuses it while parsing; in variables the cost limit (HC0047, before
        // execution) catches it first; FILTER_TOO_LARGE is the filter's own limit behind both.
        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, inVariables ? "HC0047" : "MAX_TOKENS_EXCEEDED");
    }

    [Theory]
    [InlineData("""{ node(id: "garbage") { id } }""", "INVALID_ID")]
    [InlineData("""{ node(id: "") { id } }""", "INVALID_ID")]
    [InlineData("{ node(id: 5) { id } }", "INVALID_ID")] // an Int literal is a valid ID value, but not a global ID
    [InlineData("""{ node(id: "U3VwcGxpZXI6eHg=") { id } }""", null)] // Supplier:xx, a well-formed ID of nothing
    [InlineData("""{ nodes(ids: ["U3VwcGxpZXI6MQ==", "%%%"]) { id } }""", "INVALID_ID")]
    [InlineData("""{ suppliers(first: 1, where: { id: { eq: "garbage" } }) { nodes { name } } }""", "INVALID_ID")]
    [InlineData("""{ suppliers(first: 1, where: { id: { in: ["Q29udHJhY3Q6MQ=="] } }) { nodes { name } } }""", "INVALID_ID")] // a Contract ID
    [InlineData("""{ supplier(id: "garbage") { name } }""", null)]
    public async Task Invalid_global_ids_are_a_coded_field_error_or_null(string query, string? code)
    {
        var response = await PostAsync(query);

        if (code is null)
        {
            var (status, body, text) = response;
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(body?["errors"] is null, text);
            await AssertHealthyAsync();
        }
        else
        {
            await AssertCodedErrorAsync(response, HttpStatusCode.OK, code);
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("WyJhIl0=")] // ["a"]: not this order's key shape
    [InlineData("eyJhIjoxfQ==")] // {"a":1}
    [InlineData("WyJ4Iiw5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ==")] // ["x", 9999999999999999999999]
    [InlineData("W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW10=")] // deeply nested arrays
    [InlineData("%%%")]
    public async Task Invalid_cursors_are_200_HC0078(string cursor)
    {
        foreach (var argument in new[] { "after", "before" })
        {
            var response = await PostAsync($"{{ suppliers(first: 1, order: [{{ name: ASC }}], {argument}: \"{cursor}\") {{ nodes {{ name }} }} }}");

            await AssertCodedErrorAsync(response, HttpStatusCode.OK, "HC0078");
        }
    }

    [Theory]
    [InlineData("query A { me { name } }", "B", "INVALID_OPERATION_NAME")]
    [InlineData("{ me { name } }", "A", "INVALID_OPERATION_NAME")]
    [InlineData("query A { me { name } } query B { me { roles } }", null, "NO_OPERATION_NAME")]
    [InlineData("query A { me { name } } query B { me { roles } }", "", "NO_OPERATION_NAME")]
    public async Task Unknown_operation_names_and_several_operations_without_a_name_are_400(string query, string? operationName, string code)
    {
        var post = await SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, operationName })));
        var getUri = "/graphql?query=" + Uri.EscapeDataString(query) + (operationName is null ? "" : "&operationName=" + Uri.EscapeDataString(operationName));
        var get = await SendAsync(new HttpRequestMessage(HttpMethod.Get, getUri));

        await AssertCodedErrorAsync(post, HttpStatusCode.BadRequest, code);
        await AssertCodedErrorAsync(get, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("?query=%7B%20me%20%7B%20name%20%FF%20%7D%20%7D", "SYNTAX_ERROR")]
    [InlineData("?query=%7B%20me%20%7B%20name%20%7D%20%7D&variables=%FF", "HC0011")]
    [InlineData("?query=%7B%20me%20%7B%20name%20%7D%20%7D&variables=%5B%5D", "HC0009")]
    [InlineData("?query=%7B%20me%20%7B%20name%20%7D%20%7D&query=x", "HC0009")]
    [InlineData("?variables=%7B%7D", "HC0013")]
    public async Task Malformed_get_parameters_are_400_with_a_code(string queryString, string code)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString));

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("{ me { name ")]
    [InlineData("{ me { name \u0000 } }")]
    [InlineData("query query query")]
    [InlineData("{ suppliers(first: 1) { nodes { name } } } # ok\n }")]
    [InlineData("{ me\r] }")] // GraphQL-Parser 9.5 threw IndexOutOfRangeException composing this message (found by fuzzing)
    public async Task Syntax_errors_are_400_SYNTAX_ERROR(string query)
    {
        var response = await PostAsync(query);

        await AssertCodedErrorAsync(response, HttpStatusCode.BadRequest, "SYNTAX_ERROR");
    }

    [Theory]
    [InlineData("{ suppliers(first: -1) { nodes { name } } }", "HC0079")]
    [InlineData("{ suppliers(last: -2147483648) { nodes { name } } }", "HC0079")]
    [InlineData("{ suppliers(first: 2147483647) { nodes { name } } }", "HC0051")]
    [InlineData("{ suppliers(first: 1) { nodes { contracts(first: 51) { totalCount } } } }", "HC0051")]
    [InlineData("""{ suppliers(first: 1, where: { name: { contains: null } }) { nodes { name } } }""", "HC0026")]
    public async Task Page_sizes_and_null_filters_out_of_range_are_200_field_errors(string query, string code)
    {
        var response = await PostAsync(query);

        await AssertCodedErrorAsync(response, HttpStatusCode.OK, code);
    }

    private static byte[] Body(string query, string variables) =>
        Encoding.UTF8.GetBytes($"{{\"query\":{JsonSerializer.Serialize(query)},\"variables\":{variables}}}");

    private Task<(HttpStatusCode Status, JsonNode? Body, string Text)> PostAsync(string query) =>
        SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query })));

    private Task<(HttpStatusCode Status, JsonNode? Body, string Text)> PostRawAsync(byte[] body) => SendAsync(body);

    private Task<(HttpStatusCode Status, JsonNode? Body, string Text)> SendAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content });
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, string Text)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
            using var response = await api.CreateClient().SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                body = null;
            }

            return (response.StatusCode, body, text);
        }
    }

    /// <summary>The answer is a GraphQL response with <paramref name="code"/> on its first error, the status is
    /// <paramref name="status"/>, no error carries a stack trace, and the server answers a normal query afterwards.</summary>
    private async Task AssertCodedErrorAsync(
        (HttpStatusCode Status, JsonNode? Body, string Text) response, HttpStatusCode status, string code, string? messagePart = null)
    {
        var (actualStatus, body, text) = response;
        Assert.True(body is JsonObject, $"not a JSON object: {text}");
        Assert.True(actualStatus == status, $"{(int)actualStatus}, expected {(int)status}: {text}");
        var errors = body!["errors"]?.AsArray();
        Assert.True(errors is { Count: > 0 }, $"no errors: {text}");
        Assert.All(errors!, e => Assert.False(string.IsNullOrEmpty((string?)e!["extensions"]?["code"]), $"an error without a code: {text}"));
        Assert.Equal(code, (string?)errors![0]!["extensions"]!["code"]);
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, (string?)errors[0]!["message"], StringComparison.Ordinal);
        }

        AssertNoStackTrace(text);
        await AssertHealthyAsync();
    }

    internal static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"details\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", text, StringComparison.Ordinal);
    }

    private async Task AssertHealthyAsync()
    {
        var (response, body) = await api.CreateClient().PostGraphQLAsync("{ suppliers(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(500, (int)body["data"]!["suppliers"]!["totalCount"]!);
    }
}
