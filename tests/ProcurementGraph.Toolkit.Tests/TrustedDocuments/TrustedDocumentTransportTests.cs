using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.Transport;
using ProcurementGraph.Toolkit.Transport;
using ProcurementGraph.Toolkit.TrustedDocuments;
using static ProcurementGraph.Toolkit.Tests.TestKit.TestHost;

namespace ProcurementGraph.Toolkit.Tests.TrustedDocuments;

/// <summary>Trusted documents through the GraphQL-over-HTTP endpoint: by <c>documentId</c>, by APQ hash, and "only trusted".</summary>
public sealed class TrustedDocumentTransportTests : IAsyncLifetime
{
    private const string Hello = "query Hello { hello }\n";
    private const string Echo = "query Echo($text: String!) { echo(text: $text) }\n";
    private const string Mutation = "mutation Set { setGreeting(text: \"x\") }\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("trusted-docs-").FullName;

    private static string HelloId => TrustedDocumentStore.ComputeId(Hello);

    private static string EchoId => TrustedDocumentStore.ComputeId(Echo);

    public Task InitializeAsync()
    {
        File.WriteAllText(System.IO.Path.Combine(_folder, "Hello.graphql"), Hello);
        File.WriteAllText(System.IO.Path.Combine(_folder, "Echo.graphql"), Echo);
        File.WriteAllText(System.IO.Path.Combine(_folder, "Set.graphql"), Mutation);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("sha256:")]
    [InlineData("")]
    public async Task A_document_id_in_the_body_runs_the_trusted_document(string prefix)
    {
        // Arrange
        await using var host = await StartHostAsync();

        // Act
        var response = await host.PostAsync(JsonSerializer.Serialize(new { documentId = prefix + EchoId, variables = new { text = "trusted" } }));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("trusted", response.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_document_id_in_the_query_string_runs_the_trusted_document_and_a_trusted_mutation_is_still_405()
    {
        // Arrange
        await using var host = await StartHostAsync();

        // Act
        var query = await host.GetAsync(QueryString(("documentId", "sha256:" + HelloId)));
        var mutation = await host.GetAsync(QueryString(("documentId", "sha256:" + TrustedDocumentStore.ComputeId(Mutation))));

        // Assert
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal("world", query.Data.GetProperty("hello").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.OperationNotAllowed, mutation.SingleErrorCode);
        Assert.Equal(0, host.Schema.MutationExecutions);
    }

    [Fact]
    public async Task The_apq_extension_runs_the_trusted_document_by_its_hash_with_post_and_get()
    {
        // Arrange
        await using var host = await StartHostAsync();
        var extensions = JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = HelloId } });

        // Act
        var post = await host.PostAsync($$"""{"extensions":{{extensions}}}""");
        var get = await host.GetAsync(QueryString(("extensions", extensions)));

        // Assert
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("world", post.Data.GetProperty("hello").GetString());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("world", get.Data.GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task An_unknown_document_id_is_HC0020_with_400_for_both_media_types(string accept)
    {
        // Arrange
        await using var host = await StartHostAsync();
        var id = "sha256:" + new string('0', 64);

        // Act
        var response = await host.PostAsync(JsonSerializer.Serialize(new { documentId = id }), accept);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.HasData);
        Assert.Equal(TrustedDocumentErrorCodes.PersistedOperationNotFound, response.SingleErrorCode);
        var error = Assert.Single(response.Errors);
        Assert.Equal("The specified persisted operation key is invalid.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_apq_hash_is_PersistedQueryNotFound_so_apq_clients_send_the_text_which_runs_when_allowed()
    {
        // Arrange
        await using var host = await StartHostAsync();
        const string adHoc = "{ echo(text: \"ad hoc\") }";
        var hash = TrustedDocumentStore.ComputeId(adHoc);
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        // Act
        var first = await host.PostAsync(JsonSerializer.Serialize(new { extensions }));
        var second = await host.PostAsync(JsonSerializer.Serialize(new { query = adHoc, extensions }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal("PersistedQueryNotFound", Assert.Single(first.Errors).GetProperty("message").GetString());
        Assert.Equal(TrustedDocumentErrorCodes.PersistedOperationNotFound, first.SingleErrorCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("ad hoc", second.Data.GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("""{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"ab"}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":"ab"}}""")]
    [InlineData("""{"query":"{ hello }","documentId":"ab"}""")]
    public async Task A_malformed_persisted_query_extension_or_both_query_and_document_id_is_HC0009(string body)
    {
        // Arrange
        await using var host = await StartHostAsync();

        // Act
        var response = await host.PostAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.RequestInvalid, response.SingleErrorCode);
    }

    [Fact]
    public async Task Only_trusted_refuses_other_documents_with_HC0067_but_accepts_ids_and_the_exact_text_of_a_trusted_document()
    {
        // Arrange
        await using var host = await StartHostAsync(o => o.OnlyTrusted = true);

        // Act
        var adHoc = await host.PostQueryAsync("{ hello }");
        var adHocGet = await host.GetAsync(QueryString(("query", "{ hello }")));
        var byId = await host.PostAsync(JsonSerializer.Serialize(new { documentId = "sha256:" + HelloId }));
        var sameText = await host.PostQueryAsync(Hello);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, adHoc.StatusCode);
        Assert.Equal(TrustedDocumentErrorCodes.OnlyPersistedOperationsAllowed, adHoc.SingleErrorCode);
        Assert.Equal("Only persisted operations are allowed.", Assert.Single(adHoc.Errors).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, adHocGet.StatusCode);
        Assert.Equal(TrustedDocumentErrorCodes.OnlyPersistedOperationsAllowed, adHocGet.SingleErrorCode);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameText.StatusCode);
    }

    [Fact]
    public async Task Only_trusted_for_a_role_applies_to_callers_in_that_role_only()
    {
        // Arrange
        await using var host = await StartHostAsync(o => o.OnlyTrustedForRoles.Add("Partner"));

        // Act
        var partner = await SendAsync(host, "{ hello }", "Partner");
        var partnerById = await SendAsync(host, null, "Partner", "sha256:" + HelloId);
        var reader = await SendAsync(host, "{ hello }", "Reader");
        var anonymous = await SendAsync(host, "{ hello }", null);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, partner.StatusCode);
        Assert.Equal(TrustedDocumentErrorCodes.OnlyPersistedOperationsAllowed, partner.SingleErrorCode);
        Assert.Equal(HttpStatusCode.OK, partnerById.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task Without_trusted_documents_an_apq_hash_alone_is_HC0013()
    {
        // Arrange
        await using var host = await TestHost.For<TransportTestSchema>().WithHttp().StartAsync();

        // Act
        var response = await host.PostAsync("""{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab"}}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GraphQLHttpErrorCodes.QueryAndIdMissing, response.SingleErrorCode);
    }

    private Task<TestHost<TransportTestSchema>> StartHostAsync(Action<TrustedDocumentOptions>? configure = null) =>
        TestHost.For<TransportTestSchema>().WithHttp().ConfigureServices(services =>
        {
            services.AddTrustedDocuments(o =>
            {
                o.Path = _folder;
                configure?.Invoke(o);
            });
            services.AddSingleton<IStartupFilter, RolesFromHeader>();
        }).StartAsync();

    private static async Task<GraphQLHttpTestResponse> SendAsync(TestHost<TransportTestSchema> host, string? query, string? role, string? documentId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestHost.Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, documentId }), System.Text.Encoding.UTF8, "application/json"),
        };
        if (role is not null)
        {
            request.Headers.Add(RolesFromHeader.Header, role);
        }

        return await host.SendAsync(request);
    }

    /// <summary>Signs the request in with the roles of the <c>X-Test-Role</c> header (what an authentication scheme would do).</summary>
    private sealed class RolesFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Role";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var roles))
                {
                    var claims = roles.Select(r => new Claim(ClaimTypes.Role, r!));
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
