using System.Net;
using System.Text.Json;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

public sealed class FieldAuthorizationTests(AuthorizationFixture host) : IClassFixture<AuthorizationFixture>
{
    private static readonly string[] Admin = ["Admin"];
    private static readonly string[] Reader = ["Reader"];

    [Fact]
    public async Task Denied_field_is_null_with_a_coded_error_on_its_path_and_the_rest_is_answered()
    {
        // Act
        var response = await host.PostAsAsync("query Q { open secret }", Reader, accept: "application/graphql-response+json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open", response.Data.GetProperty("open").GetString());
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("secret").ValueKind);
        var error = Assert.Single(response.Errors);
        Assert.Equal(GraphQLAuthorizationErrorCodes.NotAuthorized, TestHost.CodeOf(error));
        Assert.Equal("secret", TestHost.PathOf(error));
        Assert.Equal(FieldAuthorizationError.DefaultMessage, error.GetProperty("message").GetString());
        Assert.True(error.TryGetProperty("locations", out _));
    }

    [Fact]
    public async Task Allowed_caller_gets_the_value()
    {
        // Act
        var response = await host.PostAsAsync("query Q { secret editorsOnly }", Admin);

        // Assert
        Assert.Empty(response.Errors);
        Assert.Equal("secret of query", response.Data.GetProperty("secret").GetString());
        Assert.Equal("edited", response.Data.GetProperty("editorsOnly").GetString());
    }

    [Fact]
    public async Task Anonymous_caller_gets_not_authenticated()
    {
        // Act
        var response = await host.PostAsAsync("query Q { open signedIn secret }", roles: null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open", response.Data.GetProperty("open").GetString());
        Assert.All(response.Errors, e => Assert.Equal(GraphQLAuthorizationErrorCodes.NotAuthenticated, TestHost.CodeOf(e)));
        Assert.Equal(["secret", "signedIn"], response.Errors.Select(TestHost.PathOf).Order());
    }

    [Fact]
    public async Task Authenticated_caller_without_roles_passes_authorize_but_not_roles()
    {
        // Act
        var response = await host.PostAsAsync("query Q { signedIn editorsOnly }", roles: []);

        // Assert
        Assert.Equal("signed in", response.Data.GetProperty("signedIn").GetString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("editorsOnly", TestHost.PathOf(error));
        Assert.Equal(GraphQLAuthorizationErrorCodes.NotAuthorized, TestHost.CodeOf(error));
    }

    [Fact]
    public async Task Denied_resolver_never_runs()
    {
        // Arrange
        var before = host.Schema.SecretResolutions;

        // Act
        await host.PostAsAsync("query Q { secret item { secret } items { secret } }", Reader);

        // Assert
        Assert.Equal(before, host.Schema.SecretResolutions);
    }

    [Fact]
    public async Task Each_list_item_reports_its_own_path_and_uses_aliases()
    {
        // Act
        var response = await host.PostAsAsync("query Q { items { name hidden: secret } }", Reader);

        // Assert
        var items = response.Data.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("hidden").ValueKind));
        Assert.Equal(["items.0.hidden", "items.1.hidden", "items.2.hidden"], response.Errors.Select(TestHost.PathOf));
    }

    [Fact]
    public async Task Denied_non_null_field_nulls_its_parent_with_one_error()
    {
        // Act
        var response = await host.PostAsAsync("query Q { open item { name requiredSecret } }", Reader);

        // Assert
        Assert.Equal("open", response.Data.GetProperty("open").GetString());
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("item").ValueKind);
        var error = Assert.Single(response.Errors);
        Assert.Equal("item.requiredSecret", TestHost.PathOf(error));
        Assert.Equal(GraphQLAuthorizationErrorCodes.NotAuthorized, TestHost.CodeOf(error));
    }

    [Fact]
    public async Task Type_policy_applies_to_its_fields_except_allow_anonymous_ones()
    {
        // Act
        var reader = await host.PostAsAsync("query Q { vault { label content } }", Reader);
        var admin = await host.PostAsAsync("query Q { vault { label content } }", Admin);

        // Assert
        Assert.Equal("vault", reader.Data.GetProperty("vault").GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, reader.Data.GetProperty("vault").GetProperty("content").ValueKind);
        Assert.Equal("vault.content", TestHost.PathOf(Assert.Single(reader.Errors)));
        Assert.Empty(admin.Errors);
        Assert.Equal("gold", admin.Data.GetProperty("vault").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Unknown_policy_denies_the_field_with_its_own_code_and_logs_it()
    {
        // Act
        var response = await host.PostAsAsync("query Q { misconfigured }", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("misconfigured").ValueKind);
        Assert.Equal(GraphQLAuthorizationErrorCodes.PolicyNotFound, TestHost.CodeOf(Assert.Single(response.Errors)));
        Assert.Contains(host.Logs.Lines, l => l.Contains("'NoSuchPolicy'", StringComparison.Ordinal) && l.Contains("Query.misconfigured", StringComparison.Ordinal));
    }
}
