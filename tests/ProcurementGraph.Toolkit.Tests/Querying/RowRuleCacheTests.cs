using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// <see cref="RowRuleCache{TCaller}"/>: one caller's rules are built once and shared by its requests, another caller gets
/// its own, and they restrict exactly as the table's freshly built rules do.
/// </summary>
public sealed class RowRuleCacheTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public async Task A_callers_rules_are_built_once_and_answer_as_the_tables_own()
    {
        // Arrange
        var table = new RowRuleTable<int>().AllRows<Author>().AllRows<Publisher>().Rows<Book>(key => b => !b.IsDraft && b.Id != key);
        using var cache = new RowRuleCache<int>(table, maxCallers: 10);
        var model = Model();
        const string Query = "{ books(first: 100) { totalCount } }";

        // Act
        var first = cache.For(1, model);
        var again = cache.For(1, model);
        var other = cache.For(2, model);
        var cached = await fixture.ExecuteAsync(Query, rules: first);
        var fresh = await fixture.ExecuteAsync(Query, rules: table.For(1, model));

        // Assert
        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(fresh.Data("books.totalCount").GetInt32(), cached.Data("books.totalCount").GetInt32());
        Assert.Equal(12, cached.Data("books.totalCount").GetInt32());
    }

    [Fact]
    public void A_cache_of_no_callers_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RowRuleCache<int>(new RowRuleTable<int>(), maxCallers: 0));

    private static IModel Model()
    {
        var options = new DbContextOptionsBuilder<LibraryContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new LibraryContext(options);
        return db.Model;
    }
}
