using System.Net;
using System.Text;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class MalformedRequestTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Invalid_json_body_gives_400_with_syntax_error_code(string accept)
    {
        // Act
        var response = await host.PostAsync("""{ "not a JSON""", accept);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestSyntaxError, response.SingleErrorCode);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_body_gives_400_not_500()
    {
        // Arrange
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"query\":\"{ echo(text: \\\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\\\") }\"}")];

        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestSyntaxError, response.SingleErrorCode);
    }

    [Fact]
    public async Task Utf8_byte_order_mark_before_the_body_is_accepted()
    {
        // Arrange
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"query":"{ hello }"}""")];

        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_body_gives_400(string body)
    {
        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("""["{ hello }"]""")]
    [InlineData("\"{ hello }\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task Body_that_is_not_a_json_object_gives_400(string body)
    {
        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"qeury":"{ hello }"}""")]
    [InlineData("""{"query":""}""")]
    public async Task Missing_query_and_document_id_gives_400_with_HC0013(string body)
    {
        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.QueryAndIdMissing, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":false}""")]
    [InlineData("""{"query":["array"]}""")]
    [InlineData("""{"query":"{ hello }","operationName":{"obj":"ect"}}""")]
    [InlineData("""{"query":"{ hello }","operationName":0}""")]
    [InlineData("""{"query":"{ hello }","operationName":false}""")]
    [InlineData("""{"query":"{ hello }","operationName":["array"]}""")]
    [InlineData("""{"query":"{ hello }","documentId":1}""")]
    public async Task Non_string_query_operation_name_or_document_id_gives_400(string body)
    {
        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("variables", "\"string\"")]
    [InlineData("variables", "0")]
    [InlineData("variables", "false")]
    [InlineData("variables", """["array"]""")]
    [InlineData("extensions", "\"string\"")]
    [InlineData("extensions", "0")]
    [InlineData("extensions", "false")]
    [InlineData("extensions", """["array"]""")]
    public async Task Variables_or_extensions_that_are_not_a_map_give_400(string parameter, string value)
    {
        // Act
        var response = await host.PostAsync($$"""{"query":"{ hello }","{{parameter}}":{{value}}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Fact]
    public async Task Malformed_request_gives_400_even_for_legacy_application_json()
    {
        // Act
        var response = await host.PostAsync("""{"query":0}""", accept: "application/json");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task Number_out_of_double_range_in_variables_gives_4xx_not_500()
    {
        // Act
        var response = await host.PostAsync("""{"query":"query($text: String!) { echo(text: $text) }","variables":{"text":1e400}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.HasData);
    }
}
