using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Graph;

public sealed class SchemaContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Running_schema_matches_the_committed_contract()
    {
        var committedPath = Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql");
        var running = SchemaSdl.Print(api.Services.GetRequiredService<ISchema>());

        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : "";

        Assert.True(
            committed == running,
            "The running schema differs from schema/schema.graphql. If the change is intended, update the contract with: "
            + "dotnet run --project src/ProcurementGraph.Api -- schema export");
    }

    [Fact]
    public void Connection_types_are_named_from_the_field_as_hotchocolate_does()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        Assert.NotNull(schema.AllTypes["SuppliersConnection"]);
        Assert.NotNull(schema.AllTypes["SuppliersEdge"]);
        Assert.NotNull(schema.AllTypes["PageInfo"]);
    }

    [Fact]
    public void Every_type_and_field_is_described_for_the_front_end_teams()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var ours = schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType { Name: "String" or "Int" or "Float" or "Boolean" or "ID" }).ToList();

        var undescribed = ours.Where(t => string.IsNullOrWhiteSpace(t.Description)).Select(t => t.Name)
            .Concat(ours.OfType<IComplexGraphType>().SelectMany(t => t.Fields
                .Where(f => string.IsNullOrWhiteSpace(f.Description))
                .Select(f => $"{t.Name}.{f.Name}")))
            .ToList();

        Assert.Empty(undescribed);
    }
}
