using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Tests.TestKit;
using Snapshooter;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The T-SQL of the writes mutations make, on the SQL Server provider without a server: the concurrency-checked UPDATE and
/// DELETE (the stamp in the WHERE clause), the INSERT with its generated key, parsed by ScriptDom (several rows in one SaveChanges need a transaction, which an
/// offline connection cannot begin; EF Core batches them into the same INSERT ... OUTPUT shape).
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
}
