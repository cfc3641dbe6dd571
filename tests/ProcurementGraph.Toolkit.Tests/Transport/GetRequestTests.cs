using System.Net;
using GraphQL;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;
using static ProcurementGraph.Toolkit.Tests.TestKit.TestHost;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class GetRequestTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    [Fact]
    public async Task Query_in_the_query_string_is_executed()
    {
        // Act
        var response = await host.GetAsync(QueryString(("query", "{ hello }")));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.ContentType);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Variables_are_read_as_url_encoded_json(string accept)
    {
        // Arrange
        var queryString = QueryString(
            ("query", "query Echo($text: String!) { echo(text: $text) }"),
            ("variables", """{"text":"from GET 🏊"}"""));

        // Act
        var response = await host.GetAsync(queryString, accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from GET 🏊", response.Data.GetProperty("echo").GetString());
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task Operation_name_and_extensions_are_read_from_the_query_string()
    {
        // Arrange
        var queryString = QueryString(
            ("query", "query A { hello } query B { echo(text: \"b\") }"),
            ("operationName", "B"),
            ("extensions", """{"some":"value"}"""));

        // Act
        var response = await host.GetAsync(queryString);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("b", response.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Variables_that_are_not_valid_json_give_400()
    {
        // Act
        var response = await host.GetAsync(QueryString(("query", "{ hello }"), ("variables", "{not json")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestSyntaxError, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("variables", "[1]")]
    [InlineData("variables", "\"text\"")]
    [InlineData("extensions", "42")]
    public async Task Variables_or_extensions_that_are_not_a_json_object_give_400(string parameter, string value)
    {
        // Act
        var response = await host.GetAsync(QueryString(("query", "{ hello }"), (parameter, value)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?operationName=A")]
    [InlineData("?query=")]
    public async Task Missing_query_gives_400_with_HC0013(string queryString)
    {
        // Act
        var response = await host.GetAsync(queryString);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.QueryAndIdMissing, response.SingleErrorCode);
    }

    [Fact]
    public async Task Repeated_query_parameter_gives_400()
    {
        // Act
        var response = await host.GetAsync(QueryString(("query", "{ hello }"), ("query", "{ hello }")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Mutation_over_get_gives_405_with_allow_post_and_is_not_executed(string accept)
    {
        // Arrange
        await using var freshHost = await TestHost.For<TransportTestSchema>().WithHttp().StartAsync();

        // Act
        var response = await freshHost.GetAsync(QueryString(("query", """mutation { setGreeting(text: "no") }""")), accept);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Allow);
        Assert.Equal(GraphQLHttpErrorCodes.OperationNotAllowed, response.SingleErrorCode);
        Assert.False(response.HasData);
        Assert.Equal(0, freshHost.Schema.MutationExecutions);
    }

    [Theory]
    [InlineData("a subscription, though the schema has no subscription type", "subscription { hello }", null)]
    [InlineData("the mutation of a document, by operation name", """query Q { hello } mutation M { setGreeting(text: "no") }""", "M")]
    public async Task Selecting_anything_but_a_query_over_get_gives_405_with_allow_post(string _, string query, string? operationName)
    {
        // Arrange
        var queryString = operationName is null ? QueryString(("query", query)) : QueryString(("query", query), ("operationName", operationName));

        // Act
        var response = await host.GetAsync(queryString);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Allow);
    }

    [Fact]
    public async Task Operation_name_selecting_the_query_of_a_document_with_a_mutation_is_executed()
    {
        // Arrange
        var queryString = QueryString(
            ("query", """query Q { hello } mutation M { setGreeting(text: "no") }"""),
            ("operationName", "Q"));

        // Act
        var response = await host.GetAsync(queryString);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Syntax_error_over_get_gives_400_with_the_engine_error()
    {
        // Act
        var response = await host.GetAsync(QueryString(("query", "mutation {")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SYNTAX_ERROR", response.SingleErrorCode);
    }

    [Fact]
    public async Task Persisted_mutation_requested_by_document_id_over_get_gives_405_and_is_not_executed()
    {
        // Arrange
        await using var persistedHost = await TestHost.For<TransportTestSchema>().WithHttp().ConfigureGraphQL(b => b.UsePersistedDocuments(o =>
        {
            o.AllowOnlyPersistedDocuments = false;
            o.AllowedPrefixes.Clear();
            o.GetQueryDelegate = (_, _, payload) => ValueTask.FromResult<string?>(payload switch
            {
                "mutation" => """mutation { setGreeting(text: "no") }""",
                "query" => "{ hello }",
                _ => null,
            });
        })).StartAsync();

        // Act
        var mutation = await persistedHost.GetAsync(QueryString(("documentId", "x-test:mutation")));
        var query = await persistedHost.GetAsync(QueryString(("documentId", "x-test:query")));

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Equal("POST", mutation.Allow);
        Assert.Equal(GraphQLHttpErrorCodes.OperationNotAllowed, mutation.SingleErrorCode);
        Assert.Equal(0, persistedHost.Schema.MutationExecutions);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal("world", query.Data.GetProperty("hello").GetString());
    }
}
