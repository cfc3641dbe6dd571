using System.Net;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class PostContentTypeTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    private const string Body = """{"query":"{ hello }"}""";

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("Application/JSON")]
    public async Task Json_body_in_utf8_is_accepted(string contentType)
    {
        // Act
        var response = await host.PostAsync(Body, contentType: contentType);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Other_content_types_give_415_with_a_graphql_error_body(string contentType)
    {
        // Act
        var response = await host.PostAsync(Body, contentType: contentType);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.ContentType);
        Assert.Equal(GraphQLHttpErrorCodes.UnsupportedMediaType, response.SingleErrorCode);
    }

    [Fact]
    public async Task Missing_content_type_gives_415()
    {
        // Act
        var response = await host.PostAsync(Body, contentType: null);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.UnsupportedMediaType, response.SingleErrorCode);
    }
}
