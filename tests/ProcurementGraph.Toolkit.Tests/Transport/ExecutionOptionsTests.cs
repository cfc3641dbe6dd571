using System.Net;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class ExecutionOptionsTests
{
    [Fact]
    public async Task Interceptors_run_before_execution_with_the_http_context_and_the_options()
    {
        // Arrange
        var interceptor = new RecordingInterceptor();
        await using var host = await TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services =>
            services.AddSingleton<IGraphQLHttpRequestInterceptor>(interceptor)).StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path)
        {
            Content = new StringContent("""{"query":"query Q { contextValue }","operationName":"Q","extensions":{"e":1},"documentId":null}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test", "from-header");

        // Act
        var response = await host.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from-header", response.Data.GetProperty("contextValue").GetString());
        var seen = Assert.Single(interceptor.Seen);
        Assert.Equal("query Q { contextValue }", seen.Query);
        Assert.Equal("Q", seen.OperationName);
        Assert.NotNull(seen.Extensions);
        Assert.True(seen.HasRequestServices);
        Assert.True(seen.HasUser);
    }

    [Fact]
    public async Task Mapping_without_AddGraphQLHttp_fails_with_a_clear_message()
    {
        // Arrange: GraphQL and a schema, but no AddGraphQLHttp (no WithHttp).
        var host = TestHost.For<TransportTestSchema>().MapEndpoints(app => app.MapGraphQLHttp());

        // Act
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        // Assert
        Assert.Contains(nameof(GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp), exception.Message, StringComparison.Ordinal);
    }

    private sealed record SeenOptions(string? Query, string? OperationName, Inputs? Extensions, bool HasRequestServices, bool HasUser);

    private sealed class RecordingInterceptor : IGraphQLHttpRequestInterceptor
    {
        public List<SeenOptions> Seen { get; } = [];

        public ValueTask OnExecutingAsync(HttpContext context, ExecutionOptions options)
        {
            Seen.Add(new SeenOptions(
                options.Query,
                options.OperationName,
                options.Extensions,
                ReferenceEquals(options.RequestServices, context.RequestServices),
                ReferenceEquals(options.User, context.User)));
            options.UserContext["value"] = context.Request.Headers["X-Test"].ToString();
            return ValueTask.CompletedTask;
        }
    }
}
