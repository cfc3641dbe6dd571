using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class ContentNegotiationTests(TransportFixture host) : IClassFixture<TransportFixture>
{
    private const string GraphQLResponseJson = "application/graphql-response+json; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";

    [Theory]
    [InlineData(null, GraphQLResponseJson)]
    [InlineData("*/*", GraphQLResponseJson)]
    [InlineData("application/*", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json; charset=utf-8", GraphQLResponseJson)]
    [InlineData("application/json", Json)]
    [InlineData("application/json; charset=UTF-8", Json)]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", GraphQLResponseJson)]
    public async Task Query_is_answered_with_the_media_type_the_accept_header_selects(string? accept, string expectedContentType)
    {
        // Act
        var response = await host.PostQueryAsync("{ hello }", accept: accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedContentType, response.ContentType);
        Assert.Equal("Accept", response.Vary);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/json;q=0, */*", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0, */*", Json)]
    [InlineData("application/json, */*;q=0.1", Json)]
    [InlineData("application/graphql-response+json; charset=utf-16, application/json", Json)]
    public async Task Quality_values_and_specificity_decide_between_the_two_media_types(string accept, string expectedContentType)
    {
        // Act
        var response = await host.PostQueryAsync("{ hello }", accept: accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedContentType, response.ContentType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Accept_header_allowing_neither_media_type_gives_406(string accept)
    {
        // Act
        var response = await host.PostQueryAsync("{ hello }", accept: accept);

        // Assert
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(Json, response.ContentType);
        Assert.Equal(GraphQLHttpErrorCodes.AcceptHeaderNotSupported, response.SingleErrorCode);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Unparseable_accept_header_gives_400()
    {
        // Act
        var response = await host.PostQueryAsync("{ hello }", accept: "not a media type");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.AcceptHeaderInvalid, response.SingleErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    public async Task Legacy_default_media_type_answers_wildcard_and_missing_accept_with_application_json(string? accept)
    {
        // Arrange
        await using var legacyHost = await TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services =>
            services.Configure<GraphQLHttpOptions>(o => o.DefaultResponseMediaType = GraphQLResponseMediaType.Json)).StartAsync();

        // Act
        var response = await legacyHost.PostQueryAsync("{ hello }", accept: accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.ContentType);
    }

    [Fact]
    public async Task Legacy_default_media_type_still_serves_explicitly_requested_graphql_response_json()
    {
        // Arrange
        await using var legacyHost = await TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services =>
            services.Configure<GraphQLHttpOptions>(o => o.DefaultResponseMediaType = GraphQLResponseMediaType.Json)).StartAsync();

        // Act
        var response = await legacyHost.PostQueryAsync("{ hello }", accept: "application/graphql-response+json");

        // Assert
        Assert.Equal(GraphQLResponseJson, response.ContentType);
    }
}
