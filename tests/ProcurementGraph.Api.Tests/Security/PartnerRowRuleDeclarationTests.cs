using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Querying;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// Row rules fail closed: every entity type of the EF model declares its partner rule (<see cref="PartnerRowRules"/>),
/// and an entity type without a declaration has no rows for a partner, on every path, through HTTP.
/// </summary>
public sealed class PartnerRowRuleDeclarationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Query = """
        query PartnerView {
          suppliers { totalCount nodes { name contracts { totalCount } categories { category { code } } } }
          contracts { totalCount }
          categories { totalCount }
        }
        """;

    [Theory]
    [InlineData(typeof(SqliteProcurementDbContext))]
    [InlineData(typeof(SqlServerProcurementDbContext))]
    public void Every_entity_type_of_the_model_declares_its_partner_rule(Type contextType)
    {
        using var scope = api.Services.CreateScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);

        var undeclared = PartnerRowRules.Table.UndeclaredIn(db.Model);

        Assert.True(undeclared.Count == 0, $"Declare the partner rule of {string.Join(", ", undeclared.Select(t => t.Name))} in PartnerRowRules (Rows, AllRows or NoRows).");
        Assert.All(PartnerRowRules.Table.Declared, type => Assert.NotNull(db.Model.FindEntityType(type)));
    }

    [Fact]
    public async Task An_undeclared_entity_type_has_no_rows_for_a_partner()
    {
        // Arrange: only suppliers declared, so contracts and categories fall to "none visible".
        var onlySuppliers = new RowRuleTable<int>().Rows<Supplier>(id => s => s.Id == id);
        using var narrowed = api.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton(onlySuppliers)));
        var claims = new Dictionary<string, object> { ["supplier_id"] = "42" };
        using var declared = api.CreateClient([Partner], claims);
        using var undeclared = narrowed.CreateClient();
        undeclared.DefaultRequestHeaders.Authorization = new("Bearer", api.Token([Partner], claims));

        // Act
        var (_, full) = await declared.PostGraphQLAsync(Query);
        var (_, closed) = await undeclared.PostGraphQLAsync(Query);

        // Assert: the same supplier, none of the undeclared types' rows (lists, nested lists, totals).
        Assert.True(full["errors"] is null, full.ToJsonString());
        Assert.True(closed["errors"] is null, closed.ToJsonString());
        Assert.Equal(1, (int)full["data"]!["suppliers"]!["totalCount"]!);
        Assert.True((int)full["data"]!["contracts"]!["totalCount"]! > 0);
        Assert.True((int)full["data"]!["suppliers"]!["nodes"]![0]!["contracts"]!["totalCount"]! > 0);
        Assert.Equal(full["data"]!["suppliers"]!["nodes"]![0]!["name"]!.GetValue<string>(), closed["data"]!["suppliers"]!["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(0, (int)closed["data"]!["contracts"]!["totalCount"]!);
        Assert.Equal(0, (int)closed["data"]!["categories"]!["totalCount"]!);
        Assert.Equal(0, (int)closed["data"]!["suppliers"]!["nodes"]![0]!["contracts"]!["totalCount"]!);
        Assert.NotEmpty(full["data"]!["suppliers"]!["nodes"]![0]!["categories"]!.AsArray());
        Assert.Empty(closed["data"]!["suppliers"]!["nodes"]![0]!["categories"]!.AsArray());
    }
}
