using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Features.Categories;
using ProcurementGraph.Api.Tests.TestKit;
using Snapshooter;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The T-SQL of the writes mutations make, on the SQL Server provider without a server: the concurrency-checked UPDATE and
/// DELETE (the stamp in the WHERE clause), the INSERT with its generated key, parsed by ScriptDom (several rows in one SaveChanges need a transaction, which an
/// offline connection cannot begin; EF Core batches them into the same INSERT ... OUTPUT shape), and moveCategory's subtree load and
/// set-based rewrite.
/// The offline server answers "no row", so EF Core reports each as a concurrency failure after sending it.
/// </summary>
public sealed class SqlServerWriteTranslationTests(SqlServerApiFactory api) : IClassFixture<SqlServerApiFactory>
{
    private static readonly Guid Stamp = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static TheoryData<string> Writes() => ["updateSupplier", "insertRating", "withdrawRating"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_t_sql_parses_and_checks_the_concurrency_token(string write)
    {
        // Arrange
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SqlServerProcurementDbContext>();
        switch (write)
        {
            case "updateSupplier":
                var supplier = new Supplier { Id = 5, Name = "n", LegalName = "l", RegistrationNumber = "r", Country = "DE", City = "Bonn", PrimaryContactEmail = "a@b.de", ConcurrencyStamp = Stamp };
                db.Attach(supplier);
                supplier.City = "Köln";
                break;
            case "insertRating":
                db.Add(new StakeholderRating { SupplierId = 5, BusinessUnitId = 1, RaterName = "r", RaterEmail = "r@x.de", Period = "2026-Q2", RatedOn = new DateOnly(2026, 6, 30), Quality = 3, Delivery = 3, Responsiveness = 3, Innovation = 3, CostValue = 3, Overall = 3 });
                break;
            default:
                var rating = new StakeholderRating { Id = 9, RaterName = "r", RaterEmail = "r@x.de", Period = "2026-Q2", ConcurrencyStamp = Stamp };
                db.Attach(rating);
                db.Remove(rating);
                break;
        }

        api.Offline.Reset();

        // Act
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());

        // Assert
        var commands = api.Offline.Commands;
        Assert.NotEmpty(commands);
        Assert.All(commands, sql => Assert.Empty(TSql.Parse(sql)));
        if (write != "insertRating")
        {
            Assert.Contains(commands, sql => sql.Contains("[ConcurrencyStamp] = @", StringComparison.Ordinal) && sql.Contains("WHERE", StringComparison.Ordinal));
        }

        var statements = new JsonArray([.. commands.Select(sql => (JsonNode)new JsonArray([.. sql.Split('\n').Select(line => (JsonNode)line.TrimEnd())]))]);
        Snapshot.Match(statements.ToSnapshotJson(), SnapshotNameExtension.Create(write));
    }

    [Fact]
    public async Task Category_move_t_sql_loads_the_subtree_in_one_query_and_rewrites_it_in_one_update_checking_the_version()
    {
        // Arrange
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SqlServerProcurementDbContext>();
        var move = new CategoryMove.Move(5, Stamp, Guid.NewGuid(), 7, 2, "IT.SW", "PS.SW", 0, 2, []);
        api.Offline.Reset();

        // Act
        var load = db.Categories.AsNoTracking().Where(c => c.Id == 5).Select(CategoryMove.Source(db.Categories, db.Categories.AsNoTracking(), 7)).ToQueryString();
        await CategoryMove.RewriteAsync(db, move, CancellationToken.None);

        // Assert
        var rewrite = Assert.Single(api.Offline.Commands);
        Assert.Empty(TSql.Parse(load));
        Assert.Empty(TSql.Parse(rewrite));
        Assert.StartsWith("UPDATE [c]", rewrite, StringComparison.Ordinal);
        Assert.Contains("[c].[ConcurrencyStamp] = @", rewrite, StringComparison.Ordinal);
        Assert.Contains("LIKE @", rewrite, StringComparison.Ordinal);
        var statements = new JsonArray([.. new[] { load, rewrite }.Select(sql => (JsonNode)new JsonArray([.. sql.Split('\n').Select(line => (JsonNode)line.TrimEnd())]))]);
        Snapshot.Match(statements.ToSnapshotJson(), SnapshotNameExtension.Create("moveCategory"));
    }
}
