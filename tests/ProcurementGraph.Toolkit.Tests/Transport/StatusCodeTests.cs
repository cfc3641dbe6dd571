using System.Net;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class StatusCodeTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    [Fact]
    public async Task Successful_query_gives_200_with_data_and_no_errors()
    {
        // Act
        var response = await host.PostQueryAsync("query Echo($text: String!) { echo(text: $text) }", new { text = "héllo 🏃" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("héllo 🏃", response.Data.GetProperty("echo").GetString());
        Assert.Empty(response.Errors);
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Field_error_during_execution_gives_200_with_data_and_errors(string accept)
    {
        // Act
        var response = await host.PostQueryAsync("{ hello boom }", accept: accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("boom", error.GetProperty("path")[0].GetString());
        Assert.DoesNotContain("InvalidOperationException", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ hello", "SYNTAX_ERROR")]
    [InlineData("{ doesNotExist }", "FIELDS_ON_CORRECT_TYPE")]
    public async Task Document_errors_give_400_without_data_for_graphql_response_json(string query, string code)
    {
        // Act
        var response = await host.PostQueryAsync(query, accept: GraphQLResponseJson);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.HasData);
        Assert.Equal(code, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("{ hello")]
    [InlineData("{ doesNotExist }")]
    public async Task Document_errors_give_200_for_legacy_application_json(string query)
    {
        // Act
        var response = await host.PostQueryAsync(query, accept: Json);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.False(response.HasData);
        Assert.Single(response.Errors);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Variable_coercion_failure_gives_400_or_200_by_media_type(string accept, HttpStatusCode expected)
    {
        // Act
        var response = await host.PostQueryAsync("query Echo($text: String!) { echo(text: $text) }", new { text = (string?)null }, accept);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.HasData);
        Assert.Single(response.Errors);
    }

    [Theory]
    [InlineData("an unknown operation name", """{"query":"query A { hello }","operationName":"B"}""", "INVALID_OPERATION_NAME")]
    [InlineData("several operations without an operation name", """{"query":"query A { hello } query B { hello }"}""", "NO_OPERATION_NAME")]
    public async Task Operation_selection_errors_give_400_with_the_engine_error(string _, string body, string code)
    {
        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, response.SingleErrorCode);
    }

    [Fact]
    public async Task Operation_name_selects_the_operation_to_execute()
    {
        // Act
        var response = await host.PostAsync(
            """{"query":"query A { hello } query B { echo(text: \"b\") }","operationName":"B"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("b", response.Data.GetProperty("echo").GetString());
        Assert.False(response.Data.TryGetProperty("hello", out _));
    }

    [Fact]
    public async Task Null_optional_parameters_are_accepted()
    {
        // Act
        var response = await host.PostAsync("""{"query":"{ hello }","operationName":null,"variables":null,"extensions":null,"documentId":null}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task Extensions_map_and_unknown_members_are_accepted()
    {
        // Act
        var response = await host.PostAsync("""{"query":"{ hello }","extensions":{"some":"value"},"somethingElse":1}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Errors);
    }
}
