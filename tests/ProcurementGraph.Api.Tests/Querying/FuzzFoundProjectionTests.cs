using System.Net;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Querying;

/// <summary>Projections the fuzz test found failing (issue 14 work), pinned through HTTP.</summary>
public sealed class FuzzFoundProjectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("supplierCount")]
    [InlineData("contractedSpend")]
    public async Task Ordering_by_a_derived_value_with_a_nested_list_answers(string derived)
    {
        var (response, body) = await api.CreateClient().PostGraphQLAsync(
            $"{{ categories(first: 3, order: [{{ {derived}: DESC }}]) {{ nodes {{ code goals {{ weight }} children {{ code }} }} }} }}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Equal(3, body["data"]!["categories"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_partner_asking_for_rows_no_partner_sees_gets_authorization_errors_not_an_unexpected_one()
    {
        using var partner = api.WithWebHostBuilder(b => b
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Partner")
            .UseSetting("Security:DevelopmentIdentity:SupplierId", "1"));

        var (response, body) = await partner.CreateClient().PostGraphQLAsync("""
            { supplier(id: "U3VwcGxpZXI6MQ==") { name categories { category { code goals { goal { __typename } g: goal { code } } } } } }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((string?)body["data"]!["supplier"]!["name"]);
        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal("AUTH_NOT_AUTHORIZED", (string?)e!["extensions"]!["code"]));
    }
}
