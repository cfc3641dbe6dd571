using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Tests.Transport;

public sealed class RequestSizeTests
{
    private const int Limit = 256;

    [Fact]
    public async Task Body_larger_than_the_limit_gives_413_with_HC0010()
    {
        // Arrange
        await using var host = await StartHostWithLimitAsync();
        var body = BodyOfSize(Limit + 1);

        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.MaxRequestSize, response.SingleErrorCode);
    }

    [Fact]
    public async Task Body_larger_than_the_limit_without_content_length_gives_413()
    {
        // Arrange
        await using var host = await StartHostWithLimitAsync();
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(BodyOfSize(Limit * 10))));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path) { Content = content };

        // Act
        var response = await host.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.MaxRequestSize, response.SingleErrorCode);
    }

    [Fact]
    public async Task Body_exactly_at_the_limit_is_executed()
    {
        // Arrange
        await using var host = await StartHostWithLimitAsync();
        var body = BodyOfSize(Limit);

        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_larger_than_the_pooled_first_buffer_is_read_whole_with_and_without_content_length(bool chunked)
    {
        // Arrange: 100 KB, past the reader's first rented buffer of 16 KB when the length is unknown; the next request reuses
        // the returned buffers and must not see anything of this one.
        await using var host = await TestHost.For<TransportTestSchema>().WithHttp().StartAsync();
        var bytes = Encoding.UTF8.GetBytes(BodyOfSize(100_000));
        using HttpContent content = chunked ? new StreamContent(new NonSeekableStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path) { Content = content };

        // Act
        var response = await host.SendAsync(request);
        var small = await host.PostQueryAsync("{ hello }");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        Assert.Equal("world", small.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public void Default_limit_is_one_mebibyte()
    {
        // Act
        var options = new GraphQLHttpOptions();

        // Assert
        Assert.Equal(1_048_576, options.MaxRequestBodyBytes);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public async Task Non_positive_body_limit_is_rejected_at_startup(long limit)
    {
        // Act
        var exception = await Record.ExceptionAsync(() => TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services =>
            services.Configure<GraphQLHttpOptions>(o => o.MaxRequestBodyBytes = limit)).StartAsync());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(exception);
        Assert.Contains(nameof(GraphQLHttpOptions.MaxRequestBodyBytes), validation.Message, StringComparison.Ordinal);
    }

    private static Task<TestHost<TransportTestSchema>> StartHostWithLimitAsync() =>
        TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services => services.Configure<GraphQLHttpOptions>(o => o.MaxRequestBodyBytes = Limit)).StartAsync();

    /// <summary>A valid request body of exactly <paramref name="size"/> bytes (padded with spaces inside the query).</summary>
    private static string BodyOfSize(int size)
    {
        const string prefix = """{"query":"{ hello """;
        const string suffix = """}"}""";
        return prefix + new string(' ', size - prefix.Length - suffix.Length) + suffix;
    }

    /// <summary>Hides the length so the client sends the body chunked, without Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
