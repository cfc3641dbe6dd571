using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Api.Features.Categories;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Mutations;
using Snapshooter;
using Snapshooter.Xunit;

namespace ProcurementGraph.Api.Tests.Data;

/// <summary>
/// The T-SQL of the writes mutations make, on the SQL Server provider without a server, parsed by ScriptDom: the UPDATE and
/// DELETE check the <c>rowversion</c> in their WHERE clause, the UPDATE reads the new one back (<c>OUTPUT INSERTED.[Version]</c>)
/// and never sets it, the INSERT leaves it to the server and reads it back with its generated key (several rows in one SaveChanges
/// need a transaction, which an offline connection cannot begin; EF Core batches them into the same INSERT ... OUTPUT shape; on the
/// tables with the rollup triggers, ratings and contracts, it reads them back without OUTPUT, which SQL Server refuses there);
/// moveCategory's subtree load and set-based rewrite.
/// The offline server answers "no row", so EF Core reports each as a concurrency failure after sending it.
/// </summary>
public sealed class SqlServerWriteTranslationTests(SqlServerApiFactory api) : IClassFixture<SqlServerApiFactory>
{
    private static readonly byte[] Stamp = [0, 0, 0, 0, 0, 0, 0x07, 0xd1];

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
                var supplier = new Supplier { Id = 5, Name = "n", LegalName = "l", RegistrationNumber = "r", Country = "DE", City = "Bonn", PrimaryContactEmail = "a@b.de", Version = Stamp };
                db.Attach(supplier);
                supplier.City = "Köln";
                break;
            case "insertRating":
                // The rollup trigger on the table makes EF Core read the new key and rowversion through OUTPUT INTO a table
                // variable: a batch of several statements, which it wraps in a transaction an offline connection cannot begin
                // (a mutation's own transaction is already open in the application).
                db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
                db.Add(new StakeholderRating { SupplierId = 5, BusinessUnitId = 1, RaterName = "r", RaterEmail = "r@x.de", Period = "2026-Q2", RatedOn = new DateOnly(2026, 6, 30), Quality = 3, Delivery = 3, Responsiveness = 3, Innovation = 3, CostValue = 3, Overall = 3 });
                break;
            default:
                var rating = new StakeholderRating { Id = 9, RaterName = "r", RaterEmail = "r@x.de", Period = "2026-Q2", Version = Stamp };
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
        var statement = Assert.Single(commands);
        Assert.DoesNotContain("ConcurrencyStamp", statement, StringComparison.Ordinal);
        switch (write)
        {
            case "updateSupplier":
                Assert.Matches(@"WHERE \[Id\] = @p\d+ AND \[Version\] = @p\d+;", statement);
                Assert.Contains("OUTPUT INSERTED.[Version]", statement, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"SET .*\[Version\] =", statement);
                break;
            case "insertRating":
                // A table with a trigger takes no bare OUTPUT (error 334): the key and rowversion are read back in the same batch.
                Assert.DoesNotContain("OUTPUT", statement, StringComparison.Ordinal);
                Assert.Contains("SELECT [Id], [Version]\nFROM [StakeholderRatings]\nWHERE @@ROWCOUNT = 1 AND [Id] = scope_identity();", statement, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"INSERT INTO \[StakeholderRatings\] \([^)]*\[Version\]", statement);
                break;
            default:
                Assert.Matches(@"WHERE \[Id\] = @p\d+ AND \[Version\] = @p\d+;", statement);
                break;
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
        var move = new CategoryMove.Move(5, Stamp, 7, 2, "IT.SW", "PS.SW", 0, 2, []);
        api.Offline.Reset();

        // Act
        var load = db.Categories.AsNoTracking().Where(c => c.Id == 5).Select(CategoryMove.Source(db.Categories, db.Categories.AsNoTracking(), 7)).ToQueryString();
        await CategoryMove.RewriteAsync(db, move, CancellationToken.None);

        // Assert
        var rewrite = Assert.Single(api.Offline.Commands);
        Assert.Empty(TSql.Parse(load));
        Assert.Empty(TSql.Parse(rewrite));
        Assert.StartsWith("UPDATE [c]", rewrite, StringComparison.Ordinal);
        Assert.Contains("[c].[Version] = @", rewrite, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(rewrite, @"\[Version\]")); // checked in the WHERE, never set: the server renews it
        Assert.Contains("LIKE @", rewrite, StringComparison.Ordinal);
        var statements = new JsonArray([.. new[] { load, rewrite }.Select(sql => (JsonNode)new JsonArray([.. sql.Split('\n').Select(line => (JsonNode)line.TrimEnd())]))]);
        Snapshot.Match(statements.ToSnapshotJson(), SnapshotNameExtension.Create("moveCategory"));
    }

    [Fact]
    public async Task A_contract_update_reads_its_rowversion_back_without_an_output_clause_as_the_rollup_trigger_requires()
    {
        // Arrange: SQL Server refuses a bare OUTPUT clause on a table with triggers (error 334); HasTrigger makes EF Core select the new version
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SqlServerProcurementDbContext>();
        var contract = new Contract { Id = 11, Number = "CT-000011", Title = "t", OriginalCurrency = "EUR", Version = Stamp };
        db.Attach(contract);
        contract.AnnualValue = 1234.56m;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never; // the batch wants a transaction, which an offline connection cannot begin
        api.Offline.Reset();

        // Act
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());

        // Assert
        var statement = Assert.Single(api.Offline.Commands);
        Assert.Empty(TSql.Parse(statement));
        Assert.DoesNotContain("OUTPUT", statement, StringComparison.Ordinal);
        Assert.Contains("WHERE @@ROWCOUNT = 1 AND [Id] = @p1;", statement, StringComparison.Ordinal);
        Assert.Matches(@"WHERE \[Id\] = @p\d+ AND \[Version\] = @p\d+;", statement);
    }

    [Fact]
    public async Task Set_based_update_leaves_the_rowversion_to_the_server()
    {
        // Arrange
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SqlServerProcurementDbContext>();
        api.Offline.Reset();

        // Act
        await db.Categories.Where(c => c.ParentId == 3).ExecuteVersionedUpdateAsync(db, s => s.SetProperty(c => c.Level, 2));

        // Assert: the server renews a rowversion on every UPDATE; setting it is an error on SQL Server
        var statement = Assert.Single(api.Offline.Commands);
        Assert.Empty(TSql.Parse(statement));
        Assert.Contains("SET [c].[Level] = @p", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("[Version]", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_a_units_value_drivers_is_one_batch_checking_the_rowversion()
    {
        // Arrange: unit 3 as read (its rowversion and one driver)
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SqlServerProcurementDbContext>();
        var unit = new BusinessUnit { Id = 3, Code = "RND", Name = "n", Region = "r", HeadName = "h", Version = Stamp };
        unit.ValueDrivers.Add(new ValueDriver { BusinessUnitId = 3, Driver = ValueDriverKind.Quality, Weight = 1m, Position = 0 });
        db.Attach(unit);
        api.Offline.Reset();

        // Act: the offline server returns no row, as for a unit whose version changed
        var version = await DependentSets.ReplaceAsync(db, unit, nameof(BusinessUnit.ValueDrivers),
            [new ValueDriver { Driver = ValueDriverKind.Cost, Weight = 0.6m, Position = 0 }, new ValueDriver { Driver = ValueDriverKind.Quality, Weight = 0.4m, Position = 1 }],
            CancellationToken.None);

        // Assert: one command; the server renews the rowversion, the UPDATE checks it and reads the new one back
        Assert.Null(version);
        var statement = Assert.Single(api.Offline.Commands);
        Assert.Empty(TSql.Parse(statement));
        Assert.StartsWith("DELETE FROM [ValueDrivers] WHERE [BusinessUnitId] = @p0;", statement, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [ValueDrivers] ([BusinessUnitId], [Driver], [Position], [Weight]) VALUES (@p1, @p2, @p3, @p4), (@p5, @p6, @p7, @p8);", statement, StringComparison.Ordinal);
        Assert.Matches(@"UPDATE \[BusinessUnits\] SET \[(\w+)\] = \[\1\] OUTPUT INSERTED\.\[Version\] AS \[Value\] WHERE \[Id\] = @p\d+ AND \[Version\] = @p\d+;$", statement);
        Assert.DoesNotMatch(@"SET \[Version\]", statement);
        Snapshot.Match(new JsonArray([.. statement.Split('\n').Select(line => (JsonNode)line.TrimEnd())]).ToSnapshotJson());
    }
}
