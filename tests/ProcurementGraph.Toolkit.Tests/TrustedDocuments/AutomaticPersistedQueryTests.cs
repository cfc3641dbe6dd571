using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.Transport;
using ProcurementGraph.Toolkit.TrustedDocuments;
using static ProcurementGraph.Toolkit.Tests.TestKit.TestHost;

namespace ProcurementGraph.Toolkit.Tests.TrustedDocuments;

/// <summary>Automatic persisted queries as APQ clients use them: the hash alone, then the text with its hash (registers), then the hash alone again.</summary>
public sealed class AutomaticPersistedQueryTests : IAsyncLifetime
{
    private const string AdHoc = "{ echo(text: \"registered\") }";

    private readonly string _folder = Directory.CreateTempSubdirectory("apq-").FullName;

    private static string Extensions(string text) =>
        JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = TrustedDocumentStore.ComputeId(text) } });

    public Task InitializeAsync()
    {
        File.WriteAllText(System.IO.Path.Combine(_folder, "Hello.graphql"), "query Hello { hello }\n");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_text_sent_with_its_hash_is_registered_and_the_hash_alone_then_runs_it_with_post_and_get()
    {
        // Arrange
        await using var host = await StartHostAsync();
        var extensions = Extensions(AdHoc);
        var miss = await host.PostAsync($$"""{"extensions":{{extensions}}}""");

        // Act
        var register = await host.PostAsync($$"""{"query":{{JsonSerializer.Serialize(AdHoc)}},"extensions":{{extensions}}}""");
        var byPost = await host.PostAsync($$"""{"extensions":{{extensions}}}""");
        var byGet = await host.GetAsync(QueryString(("extensions", extensions)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        Assert.Equal("PersistedQueryNotFound", Assert.Single(miss.Errors).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal("registered", register.Data.GetProperty("echo").GetString());
        Assert.Equal(HttpStatusCode.OK, byPost.StatusCode);
        Assert.Equal("registered", byPost.Data.GetProperty("echo").GetString());
        Assert.Equal(HttpStatusCode.OK, byGet.StatusCode);
        Assert.Equal("registered", byGet.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused_and_nothing_is_registered()
    {
        // Arrange
        await using var host = await StartHostAsync();
        var other = Extensions("{ hello }");

        // Act
        var mismatch = await host.PostAsync($$"""{"query":{{JsonSerializer.Serialize(AdHoc)}},"extensions":{{other}}}""");
        var after = await host.PostAsync($$"""{"extensions":{{other}}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(TrustedDocumentErrorCodes.PersistedQueryHashMismatch, mismatch.SingleErrorCode);
        var error = Assert.Single(mismatch.Errors);
        Assert.Equal("provided sha does not match query", error.GetProperty("message").GetString());
        Assert.False(mismatch.Json.TryGetProperty("data", out _));
        Assert.Equal("PersistedQueryNotFound", Assert.Single(after.Errors).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_store_is_bounded()
    {
        // Arrange
        await using var host = await StartHostAsync(o => o.AutomaticPersistedQueries.MaxDocuments = 3);
        var store = host.Services.GetRequiredService<AutomaticPersistedQueryStore>();

        // Act
        for (var i = 0; i < 20; i++)
        {
            var text = $"{{ echo(text: \"{i}\") }}";
            var response = await host.PostAsync($$"""{"query":{{JsonSerializer.Serialize(text)}},"extensions":{{Extensions(text)}}}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Assert
        Assert.InRange(store.Count, 1, 3);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Nothing_registers_when_switched_off_or_only_trusted(bool enabled, bool onlyTrusted)
    {
        // Arrange
        await using var host = await StartHostAsync(o =>
        {
            o.AutomaticPersistedQueries.Enabled = enabled;
            o.OnlyTrusted = onlyTrusted;
        });
        var extensions = Extensions(AdHoc);

        // Act
        var register = await host.PostAsync($$"""{"query":{{JsonSerializer.Serialize(AdHoc)}},"extensions":{{extensions}}}""");
        var byHash = await host.PostAsync($$"""{"extensions":{{extensions}}}""");

        // Assert
        Assert.Equal(onlyTrusted ? HttpStatusCode.BadRequest : HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(0, host.Services.GetRequiredService<AutomaticPersistedQueryStore>().Count);
        Assert.Equal("PersistedQueryNotFound", Assert.Single(byHash.Errors).GetProperty("message").GetString());
    }

    private Task<TestHost<TransportTestSchema>> StartHostAsync(Action<TrustedDocumentOptions>? configure = null) =>
        TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services => services.AddTrustedDocuments(o =>
        {
            o.Path = _folder;
            configure?.Invoke(o);
        })).StartAsync();
}
