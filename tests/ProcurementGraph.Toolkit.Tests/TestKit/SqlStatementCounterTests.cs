using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ProcurementGraph.TestKit;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>
/// The shared counter sees every way EF Core sends a command — reader, scalar, non-query; synchronous and asynchronous —
/// so a statement budget asserted with it cannot miss one (the three copies it replaces each missed a different way).
/// </summary>
public sealed class SqlStatementCounterTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqlStatementCounter _counter = new();
    private readonly CounterContext _db;

    public SqlStatementCounterTests()
    {
        _connection.Open();
        _db = new CounterContext(new DbContextOptionsBuilder<CounterContext>().UseSqlite(_connection).AddInterceptors(_counter).Options);
        _db.Database.EnsureCreated();
        _db.Rows.Add(new CounterRow { Name = "one" });
        _db.SaveChanges();
        _counter.Reset();
    }

    public static TheoryData<string> Ways => ["reader", "reader async", "scalar", "scalar async", "non-query", "non-query async"];

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Each_way_of_sending_a_command_is_counted_once_with_its_text(string way)
    {
        await SendAsync(way);

        Assert.Equal(1, _counter.Count);
        Assert.Contains("\"Rows\"", Assert.Single(_counter.Commands), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_starts_the_count_again_and_commands_keep_their_order()
    {
        await SendAsync("reader");
        _counter.Reset();

        await SendAsync("scalar");
        await SendAsync("non-query");

        Assert.Equal(2, _counter.Count);
        Assert.StartsWith("SELECT count(*)", _counter.Commands[0], StringComparison.Ordinal);
        Assert.StartsWith("UPDATE", _counter.Commands[1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    private async Task SendAsync(string way)
    {
        const string Count = "SELECT count(*) FROM \"Rows\"";
        var scalar = _db.GetService<IRawSqlCommandBuilder>().Build(Count);
        var parameters = new RelationalCommandParameterObject(
            _db.GetService<IRelationalConnection>(), null, null, _db, _db.GetService<IRelationalCommandDiagnosticsLogger>());
        switch (way)
        {
            case "reader":
                Assert.Single(_db.Rows.AsNoTracking().ToList());
                break;
            case "reader async":
                Assert.Single(await _db.Rows.AsNoTracking().ToListAsync());
                break;
            case "scalar":
                Assert.Equal(1L, scalar.ExecuteScalar(parameters));
                break;
            case "scalar async":
                Assert.Equal(1L, await scalar.ExecuteScalarAsync(parameters));
                break;
            case "non-query":
                Assert.Equal(1, _db.Rows.ExecuteUpdate(s => s.SetProperty(r => r.Name, "two")));
                break;
            case "non-query async":
                Assert.Equal(1, await _db.Rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "two")));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(way), way, "no such way");
        }
    }

    private sealed class CounterContext(DbContextOptions<CounterContext> options) : DbContext(options)
    {
        public DbSet<CounterRow> Rows => Set<CounterRow>();
    }

    private sealed class CounterRow
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;
    }
}
