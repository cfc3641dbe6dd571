using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>Entra ID tokens through the real Microsoft.Identity.Web validation, outside Development.</summary>
[Collection(EntraCollection.Name)]
public sealed class EntraAuthenticationTests(EntraApiFactory api)
{
    private const string MeQuery = "query Me { me { roles } }";

    [Fact]
    public async Task App_token_with_a_role_is_accepted_with_keys_from_the_in_memory_tenant()
    {
        // Arrange
        var client = api.CreateClient(t => t.Roles.Add("Procurement.Reader"));

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Procurement.Reader", (string?)body["data"]!["me"]!["roles"]![0]);
        Assert.True(api.Entra.MetadataRequests > 0, "the OpenID metadata was not served by the fake tenant");
        Assert.True(api.Entra.KeyRequests > 0, "the signing keys were not served by the fake tenant");
    }

    [Fact]
    public async Task Delegated_token_with_the_api_scope_is_accepted()
    {
        // Arrange
        var client = api.CreateClient(t =>
        {
            t.Scopes.Add("Procurement.Access");
            t.Roles.Add("Procurement.Editor");
        });

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Procurement.Editor", (string?)body["data"]!["me"]!["roles"]![0]);
    }

    [Fact]
    public async Task Delegated_token_without_the_api_scope_is_403_not_authorized()
    {
        // Arrange
        var client = api.CreateClient(t =>
        {
            t.Scopes.Add("User.Read");
            t.Roles.Add("Procurement.Reader");
        });

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge_and_a_graphql_error()
    {
        // Arrange
        var client = api.CreateClient(token: null);

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task No_token_on_get_and_introspection_is_401_too()
    {
        // Arrange
        var client = api.CreateClient(token: null);

        // Act
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __schema { queryType { name } } }"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("expired", "IDX10223")]
    [InlineData("wrong audience", "IDX10214")]
    [InlineData("api:// audience", "IDX10214")]
    [InlineData("other tenant", "IDX40001")]
    [InlineData("issuer on another host", "IDX40001")]
    [InlineData("wrong key", "IDX10511")]
    [InlineData("no roles and no scope", "IDW10201")]
    [InlineData("not a token", "IDX14100")]
    public async Task Invalid_token_is_401_and_the_reason_is_logged_not_returned(string defect, string reasonInLog)
    {
        // Arrange
        var token = defect switch
        {
            "expired" => api.Entra.CreateToken(t => { t.Roles.Add("Procurement.Reader"); t.Lifetime = TimeSpan.FromMinutes(-30); }),
            "wrong audience" => api.Entra.CreateToken(t => { t.Roles.Add("Procurement.Reader"); t.Audience = Guid.NewGuid().ToString(); }),
            "api:// audience" => api.Entra.CreateToken(t => { t.Roles.Add("Procurement.Reader"); t.Audience = "api://" + FakeEntraId.ClientId; }),
            "other tenant" => api.Entra.CreateToken(t => { t.Roles.Add("Procurement.Reader"); t.TenantId = FakeEntraId.OtherTenantId; }),
            "issuer on another host" => api.Entra.CreateToken(t =>
            {
                t.Roles.Add("Procurement.Reader");
                t.Issuer = $"https://login.example.com/{FakeEntraId.TenantId}/v2.0";
            }),
            "wrong key" => api.Entra.CreateToken(t => { t.Roles.Add("Procurement.Reader"); t.SigningKey = FakeEntraId.NewKey(api.Entra.SigningKey.KeyId!); }),
            "no roles and no scope" => api.Entra.CreateToken(),
            _ => "not-a-token",
        };
        var client = api.CreateClient(token);
        var logged = api.Logs.Lines.Count;

        // Act
        var (response, body) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.DoesNotContain("IDX", challenge.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("IDW", challenge.ToString(), StringComparison.Ordinal);
        var text = body.ToJsonString();
        Assert.DoesNotContain("IDX", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IDW", text, StringComparison.Ordinal);
        var lines = api.Logs.Lines.Skip(logged).ToList();
        Assert.Contains(lines, l => l.Contains("refused with 401", StringComparison.Ordinal) && l.Contains(reasonInLog, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_token_is_refused_outside_development()
    {
        // Arrange
        var token = DevelopmentTokens.Create(DevelopmentTokens.NewSigningKey(), ["Procurement.Admin"]);
        var client = api.CreateClient(token);

        // Act
        var (response, _) = await client.PostGraphQLAsync(MeQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Graphql_response_json_clients_get_their_media_type_on_401()
    {
        // Arrange
        var client = api.CreateClient(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = MeQuery }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        // Act
        var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
