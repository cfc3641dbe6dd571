using System.Net;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.Limits;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Graph;

/// <summary>Transport rules for mutations: never over GET, never from a form post, trusted-documents-only mode covers them, a mutation field costs 10.</summary>
public sealed class MutationTransportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Mutation = "mutation { changeSupplierStatus(input: { id: \"U3VwcGxpZXI6MQ==\", expectedVersion: \"x\", status: ACTIVE }) { supplier { status } } }";

    [Fact]
    public async Task A_mutation_over_get_is_405_and_runs_nothing()
    {
        // Arrange
        var before = api.Scalar("SELECT COUNT(*) FROM AuditEntries");

        // Act
        var response = await api.CreateAs(Editor).GetAsync("/graphql?query=" + Uri.EscapeDataString(Mutation));

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM AuditEntries"));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    public async Task A_mutation_from_a_form_post_is_refused(string contentType)
    {
        // Arrange
        using var content = new StringContent("query=" + Uri.EscapeDataString(Mutation));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        // Act
        var response = await api.CreateAs(Editor).PostAsync("/graphql", content);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Only_trusted_documents_mode_refuses_mutation_text()
    {
        // Arrange
        using var strict = api.WithWebHostBuilder(b => b.UseSetting("GraphQL:TrustedDocuments:OnlyTrusted", "true"));
        var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = api.CreateAs(Editor).DefaultRequestHeaders.Authorization;

        // Act
        var (response, body) = await client.PostGraphQLAsync(Mutation);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("HC0067", body.ErrorCode());
    }

    [Fact]
    public async Task Each_mutation_field_costs_ten_as_in_hotchocolate()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        const string Field = "changeSupplierStatus(input: { id: \"U3VwcGxpZXI6MQ==\", expectedVersion: \"x\", status: ACTIVE }) { errors { __typename } }";

        // Act
        var (_, one) = await editor.PostAsync($"mutation {{ a: {Field} }}", cost: "validate");
        var (_, two) = await editor.PostAsync($"mutation {{ a: {Field} b: {Field} }}", cost: "validate");
        var sdl = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql"));

        // Assert: the field's @cost(10) plus its payload's errors list (1) and union (1)
        Assert.Equal(12, (double)one["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(24, (double)two["extensions"]!["operationCost"]!["fieldCost"]!);
        var mutation = sdl[sdl.IndexOf("type Mutation {", StringComparison.Ordinal)..];
        var fields = mutation[..mutation.IndexOf('}', StringComparison.Ordinal)].Split('\n').Where(l => l.Contains("(input:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.EndsWith("@cost(weight: \"10\")", f.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_another_each_in_its_own_transaction()
    {
        // Arrange: the first field fails (stale version), the second succeeds on its own
        var editor = api.CreateAs(Editor);
        var version = (string)(await editor.PostGraphQLAsync("{ supplier(id: \"U3VwcGxpZXI6Ng==\") { version } }")).Body["data"]!["supplier"]!["version"]!;
        var query = $$"""
            mutation Two {
              stale: updateSupplier(input: { id: "U3VwcGxpZXI6Ng==", expectedVersion: "00000000000000000000000000000000", city: "Stale" }) { supplier { city } errors { __typename } }
              fresh: updateSupplier(input: { id: "U3VwcGxpZXI6Ng==", expectedVersion: "{{version}}", city: "Fresh" }) { supplier { city } errors { __typename } }
            }
            """;

        // Act
        var (_, body) = await editor.PostGraphQLAsync(query);

        // Assert
        var data = body["data"]!;
        Assert.Equal("ConcurrencyConflictError", (string?)data["stale"]!["errors"]![0]!["__typename"]);
        Assert.Equal("Fresh", (string?)data["fresh"]!["supplier"]!["city"]);
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Suppliers WHERE Id = 6 AND City = 'Fresh'"));
        Assert.IsType<JsonObject>(data["fresh"]);
    }
}
