using System.Net;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class HttpMethodTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Methods_other_than_get_and_post_give_405_with_allow_get_post(string method)
    {
        // Arrange
        using var request = new HttpRequestMessage(new HttpMethod(method), TestHost.Path);

        // Act
        var response = await host.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, POST", response.Allow);
        Assert.Equal(GraphQLHttpErrorCodes.MethodNotAllowed, response.SingleErrorCode);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("not a media type")]
    public async Task Method_check_comes_before_the_accept_check(string accept)
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Put, TestHost.Path);

        // Act
        var response = await host.SendAsync(request, accept);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task Mutation_over_post_is_executed()
    {
        // Act
        var response = await host.PostQueryAsync("""mutation { setGreeting(text: "hi") }""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", response.Data.GetProperty("setGreeting").GetString());
    }
}
