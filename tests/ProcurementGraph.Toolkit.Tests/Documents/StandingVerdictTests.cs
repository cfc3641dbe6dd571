using System.Net;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Documents;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.Transport;

namespace ProcurementGraph.Toolkit.Tests.Documents;

/// <summary>
/// A kept document whose rules' verdicts stand (<see cref="IStandingVerdictRule"/>) runs no validation rule, and one whose
/// verdict may differ for this request still meets the rule: the costs asked for with <c>GraphQL-Cost</c>, introspection for an
/// anonymous caller after an authenticated one kept the document.
/// </summary>
public sealed class StandingVerdictTests : IAsyncLifetime
{
    private const string GraphQLResponseJson = "application/graphql-response+json";

    private TestHost<TransportTestSchema> _host = null!;

    private ValidatedDocumentCache Cache => _host.Services.GetRequiredService<ValidatedDocumentCache>();

    public async Task InitializeAsync() =>
        _host = await TestHost.For<TransportTestSchema>()
            .WithHttp()
            .WithFlatErrors()
            .WithLimits(o => o.Cost.MaxFieldCost = 15)
            .WithTestAuthentication(_ => { })
            .ConfigureGraphQL(b => b.AddValidatedDocumentCache(new DocumentCacheOptions()))
            .StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_kept_document_still_reports_its_cost_when_the_request_asks_for_it()
    {
        // Arrange: kept without a cost header
        const string Query = "# report\n{ hello }";
        await PostAsync(Query);
        var hits = Cache.Hits;

        // Act
        var response = await PostAsync(Query, costHeader: "report");

        // Assert
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, response.Json.GetProperty("extensions").GetProperty("operationCost").GetProperty("fieldCost").GetDouble());
    }

    [Fact]
    public async Task A_kept_introspection_document_is_still_refused_to_an_anonymous_caller()
    {
        // Arrange: an authenticated caller keeps the document
        const string Query = "# introspection\n{ __type(name: \"Query\") { name } }";
        var kept = await PostAsync(Query, authorization: "Test Reader");
        var hits = Cache.Hits;

        // Act
        var response = await PostAsync(Query);

        // Assert
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(LimitErrorCodes.IntrospectionNotAllowed, response.SingleErrorCode);
    }

    [Theory]
    [InlineData(true, true, 0)]
    [InlineData(true, false, 2)]
    [InlineData(false, true, 2)]
    public async Task A_hit_runs_no_rule_only_when_every_rule_for_kept_documents_lets_its_verdict_stand(bool first, bool second, int expected)
    {
        // Arrange
        var cache = new ValidatedDocumentCache(new DocumentCacheOptions());
        IValidationRule[] rules = [new Standing(first), second ? new Standing(true) : new Plain()];
        IEnumerable<IValidationRule>? ran = null;
        Task<ExecutionResult> Next(ExecutionOptions options)
        {
            ran = options.ValidationRules;
            return Task.FromResult(new ExecutionResult { Executed = true, Document = GraphQLParser.Parser.Parse(options.Query!) });
        }

        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ hello }", CachedDocumentValidationRules = rules }, Next);

        // Act
        await cache.ExecuteAsync(new ExecutionOptions { Query = "{ hello }", CachedDocumentValidationRules = rules }, Next);

        // Assert
        Assert.Equal(1, cache.Hits);
        Assert.Equal(expected, ran!.Count());
        cache.Dispose();
    }

    private sealed class Standing(bool stands) : ValidationRuleBase, IStandingVerdictRule
    {
        public bool VerdictStands(GraphQLDocument document, ExecutionOptions request) => stands;
    }

    private sealed class Plain : ValidationRuleBase
    {
    }

    private async Task<GraphQLHttpTestResponse> PostAsync(string query, string? costHeader = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (costHeader is not null)
        {
            request.Headers.Add(CostRequest.HeaderName, costHeader);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _host.SendAsync(request, GraphQLResponseJson);
    }
}
