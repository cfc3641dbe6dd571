using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Documents;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>
/// The validated-document cache through /graphql: a known document is answered without parsing and the document-only rules,
/// while every rule that depends on the caller or the variables still holds for it; documents that fail are never kept; the
/// cache stays within its bound. Each test sends documents of its own (a comment names the test), since the host is shared.
/// </summary>
public sealed class DocumentCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private ValidatedDocumentCache Cache => api.Services.GetRequiredService<ValidatedDocumentCache>();

    /// <summary>Asks for application/graphql-response+json, whose status tells a refused request (400) from an executed one.</summary>
    private static HttpClient Client(HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        return client;
    }

    [Fact]
    public async Task A_document_sent_again_is_answered_from_the_cache_with_the_same_answer()
    {
        // Arrange
        const string Query = "# again\n{ suppliers(first: 2, order: [{ name: ASC }]) { nodes { name city } } }";
        var client = Client(api.CreateAs(Reader));
        var (_, first) = await client.PostGraphQLAsync(Query);
        var hits = Cache.Hits;

        // Act
        var (response, second) = await client.PostGraphQLAsync(Query);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(second["errors"]);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(hits + 1, Cache.Hits);
    }

    [Fact]
    public async Task A_document_kept_for_a_reader_still_denies_a_partner_the_fields_it_may_not_read()
    {
        // Arrange: the reader's request keeps the document
        const string Query = "# partner\n{ suppliers(first: 1) { nodes { name ratings(first: 1) { totalCount } } } }";
        var (_, reader) = await Client(api.CreateAs(Reader)).PostGraphQLAsync(Query);
        var hits = Cache.Hits;

        // Act
        var (response, partner) = await Client(api.CreateCaller(Partner)).PostGraphQLAsync(Query);

        // Assert
        Assert.Null(reader["errors"]);
        Assert.NotNull(reader["data"]!["suppliers"]!["nodes"]![0]!["ratings"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Null(partner["data"]!["suppliers"]!["nodes"]![0]!["ratings"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", partner.ErrorCode());
    }

    [Fact]
    public async Task A_get_of_a_document_kept_from_a_post_is_answered_from_the_cache()
    {
        // Arrange
        const string Query = "# get\n{ suppliers(first: 2, order: [{ name: ASC }]) { nodes { name } } }";
        var client = Client(api.CreateAs(Reader));
        var (_, posted) = await client.PostGraphQLAsync(Query);
        var hits = Cache.Hits;

        // Act
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(Query));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var got = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(posted["data"]!.ToJsonString(), got["data"]!.ToJsonString());
        Assert.Equal(hits + 1, Cache.Hits);
    }

    [Fact]
    public async Task A_get_keeps_its_document_for_the_next_get()
    {
        // Arrange
        const string Query = "# get twice\n{ suppliers(first: 1) { nodes { name } } }";
        var client = Client(api.CreateAs(Reader));
        var first = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(Query));
        var hits = Cache.Hits;

        // Act
        var second = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(Query));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(Cache.IsKnown(Query));
        Assert.Equal(hits + 1, Cache.Hits);
    }

    [Fact]
    public async Task A_mutation_kept_from_a_post_is_still_405_over_get_and_runs_nothing()
    {
        // Arrange: a stale version makes the POST a payload error that changes nothing; the executed document is kept
        const string Mutation = "# get mutation\nmutation { changeSupplierStatus(input: { id: \"U3VwcGxpZXI6MQ==\", expectedVersion: \"x\", status: ACTIVE }) { supplier { status } } }";
        var editor = Client(api.CreateAs(Editor));
        await editor.PostGraphQLAsync(Mutation);
        Assert.True(Cache.IsKnown(Mutation));
        var audit = api.Scalar("SELECT COUNT(*) FROM AuditEntries");

        // Act
        var response = await editor.GetAsync("/graphql?query=" + Uri.EscapeDataString(Mutation));

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(audit, api.Scalar("SELECT COUNT(*) FROM AuditEntries"));
    }

    [Fact]
    public async Task A_kept_document_is_refused_when_its_variables_raise_the_cost_over_the_limit()
    {
        // Arrange: 10 + 1 + 50 × (1 + 1 + n × 1): n = 1 costs 161, n = 50 costs 2,611 (over 1,000)
        const string Query = """
            # cost
            query($n: Int!) { suppliers(first: 50) { nodes { contracts(first: $n) { nodes { number category { name } } } } } }
            """;
        var client = Client(api.CreateAs(Reader));
        var (_, cheap) = await client.PostGraphQLAsync(Query, new { n = 1 });
        var hits = Cache.Hits;
        api.Sql.Reset();

        // Act
        var (response, dear) = await client.PostGraphQLAsync(Query, new { n = 50 });

        // Assert
        Assert.Null(cheap["errors"]);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(dear["data"]);
        Assert.Equal("HC0047", dear.ErrorCode());
        Assert.Equal(2611, (double)dear["errors"]![0]!["extensions"]!["fieldCost"]!);
        Assert.Equal(0, api.Sql.Count);
    }

    /// <summary>A typed ID argument fed by a variable, a Contract's ID in it for the second request (given, or by default).</summary>
    [Theory]
    [InlineData("in its variables", "query($id: ID!) { supplier(id: $id) { name } }", "Supplier", null, "Contract", null)]
    [InlineData("in its other operation", "query Any($id: ID!) { node(id: $id) { id } } query One($id: ID!) { supplier(id: $id) { name } }", "Contract", "Any", "Contract", "One")]
    [InlineData("in a variable's default", "query($id: ID! = \"Q29udHJhY3Q6MQ==\") { supplier(id: $id) { name } }", "Supplier", null, null, null)]
    public async Task A_kept_document_refuses_an_id_of_another_type(string where, string query, string keptWith, string? keptOperation, string? sentType, string? sentOperation)
    {
        // Arrange: kept by a request that passed (the first operation takes an ID of any type); the default is a Contract's ID
        Assert.Equal("Q29udHJhY3Q6MQ==", Id("Contract", 1));
        var text = $"# typed id {where}\n{query}";
        var client = Client(api.CreateAs(Reader));
        var (_, kept) = await client.PostGraphQLAsync(text, new { id = Id(keptWith, 1) }, keptOperation);
        var hits = Cache.Hits;

        // Act
        var (response, refused) = await client.PostGraphQLAsync(text, sentType is null ? null : new { id = Id(sentType, 1) }, sentOperation);

        // Assert
        Assert.Null(kept["errors"]);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(refused["data"]);
        Assert.Equal("INVALID_ID", refused.ErrorCode());
    }

    [Theory]
    [InlineData("query($id: ID!) { node(id: $id) { id } }", true)]
    [InlineData("query($id: ID!) { supplier(id: $id) { name } }", true)]
    [InlineData("query($ids: [ID!]) { suppliers(first: 5, where: { id: { in: $ids } }) { nodes { name } } }", true)]
    [InlineData("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", true)]
    [InlineData("query($name: String, $status: SupplierStatus) { suppliers(first: 5, where: { name: { contains: $name }, status: { eq: $status } }) { nodes { name } } }", true)]
    [InlineData("query($n: Int!) { suppliers(first: $n) { nodes { name } } }", false)]
    [InlineData("query($on: Boolean!) { suppliers(first: 5) { nodes { name @include(if: $on) } } }", false)]
    [InlineData("query($where: SupplierFilterInput) { suppliers(first: 5, where: $where) { nodes { name } } }", false)]
    public async Task A_kept_document_runs_no_rule_when_its_variables_cannot_change_a_cost_or_a_typed_id(string query, bool runsNoRule)
    {
        // Arrange
        var variables = new { id = Id("Supplier", 1), ids = new[] { Id("Supplier", 1) }, name = "a", status = "ACTIVE", n = 1, on = true, where = new { } };
        var text = "# no rule\n" + query;
        var client = Client(api.CreateAs(Reader));
        var (_, first) = await client.PostGraphQLAsync(text, variables);
        var hits = Cache.Hits;
        var standing = Cache.StandingHits;

        // Act
        var (response, second) = await client.PostGraphQLAsync(text, variables);

        // Assert
        Assert.Null(first["errors"]);
        Assert.Null(second["errors"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(runsNoRule ? standing + 1 : standing, Cache.StandingHits);
    }

    [Fact]
    public async Task A_kept_document_still_coerces_its_variables()
    {
        // Arrange
        const string Query = "# variables\nquery($n: Int!) { suppliers(first: $n) { nodes { name } } }";
        var client = Client(api.CreateAs(Reader));
        await client.PostGraphQLAsync(Query, new { n = 1 });
        var hits = Cache.Hits;

        // Act
        var (response, body) = await client.PostGraphQLAsync(Query, new { n = "one" });

        // Assert
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Contains("$n", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_operation_of_a_kept_document_is_answered_by_its_name()
    {
        // Arrange
        const string Query = "# operations\nquery Names { suppliers(first: 1) { nodes { name } } } query Kind { __typename }";
        var client = Client(api.CreateAs(Reader));
        var (_, names) = await client.PostGraphQLAsync(Query, operationName: "Names");
        var hits = Cache.Hits;

        // Act
        var (_, kind) = await client.PostGraphQLAsync(Query, operationName: "Kind");
        var (missingResponse, missing) = await client.PostGraphQLAsync(Query, operationName: "Other");

        // Assert
        Assert.Null(names["errors"]);
        Assert.Single(names["data"]!["suppliers"]!["nodes"]!.AsArray());
        Assert.Equal("""{"data":{"__typename":"Query"}}""", kind.ToJsonString());
        Assert.Equal(hits + 2, Cache.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, missingResponse.StatusCode);
        Assert.Null(missing["data"]);
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_never_kept()
    {
        // Arrange
        const string Query = "# invalid\n{ suppliers(first: 1) { nodes { name noSuchField } } }";
        var client = Client(api.CreateAs(Reader));
        var (hits, misses) = (Cache.Hits, Cache.Misses);

        // Act
        var (firstResponse, first) = await client.PostGraphQLAsync(Query);
        var (secondResponse, second) = await client.PostGraphQLAsync(Query);

        // Assert: both parsed and validated, both refused alike
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (firstResponse.StatusCode, secondResponse.StatusCode));
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Contains("noSuchField", (string?)second["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal((hits, misses + 2), (Cache.Hits, Cache.Misses));
    }

    [Fact]
    public async Task Many_distinct_documents_stay_within_the_configured_size()
    {
        // Arrange: room for 2,000 characters of document text
        await using var small = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Execution:DocumentCacheSize", "2000"));
        var client = Client(small.CreateClient());
        var cache = small.Services.GetRequiredService<ValidatedDocumentCache>();
        var documents = Enumerable.Range(0, 100).Select(i => $"# bound {i:D3}\n{{ suppliers(first: 1) {{ nodes {{ name }} }} }}").ToList();

        // Act
        foreach (var document in documents)
        {
            var (response, body) = await client.PostGraphQLAsync(document);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(body["errors"]);
        }

        // Assert: 100 documents of 52 characters are 5,200; at most 2,000 of them are kept
        Assert.InRange(cache.Size, 1, 2000);
        Assert.InRange(cache.Count, 1, 2000 / documents[0].Length);
        Assert.Equal(100, cache.Misses);
    }

    [Fact]
    public async Task A_size_of_0_turns_the_cache_off()
    {
        // Arrange
        await using var off = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:Execution:DocumentCacheSize", "0"));

        // Act
        var (response, body) = await off.CreateClient().PostGraphQLAsync("{ __typename }");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Null(off.Services.GetService<ValidatedDocumentCache>());
    }
}
