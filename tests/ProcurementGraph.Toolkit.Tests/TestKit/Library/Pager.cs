using System.Text.Json;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>Pages through <c>books</c> with keyset cursors, checking each page's flags and statement count.</summary>
public static class Pager
{
    /// <summary>Forward with <c>first</c>/<c>after</c>; <paramref name="between"/> runs after each page with its last key.</summary>
    public static async Task<List<int>> ForwardAsync(TestHost<LibrarySchema> host, string order, int size, Action<int>? between = null)
    {
        var seen = new List<int>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await host.ExecuteAsync(
                $"query($after: String) {{ books(first: {size}, after: $after, order: {order}) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} nodes {{ key }} }} }}",
                new { after });
            var keys = result.Keys("books.nodes");
            var info = result.Data("books.pageInfo");
            Assert.Single(result.Statements);
            Assert.DoesNotContain("OFFSET", result.Statements[0], StringComparison.OrdinalIgnoreCase);
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            seen.AddRange(keys);
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                return seen;
            }

            Assert.Equal(size, keys.Count);
            between?.Invoke(keys[^1]);
            after = info.GetProperty("endCursor").GetString();
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    /// <summary>Backward with <c>last</c>/<c>before</c> from the end; returns the rows in list order.</summary>
    public static async Task<List<int>> BackwardAsync(TestHost<LibrarySchema> host, string order, int size, Action<int>? between = null)
    {
        var seen = new List<int>();
        string? before = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await host.ExecuteAsync(
                $"query($before: String) {{ books(last: {size}, before: $before, order: {order}) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} nodes {{ key }} }} }}",
                new { before });
            var keys = result.Keys("books.nodes");
            var info = result.Data("books.pageInfo");
            Assert.Single(result.Statements);
            Assert.Equal(before is not null, info.GetProperty("hasNextPage").GetBoolean());
            seen.InsertRange(0, keys);
            if (!info.GetProperty("hasPreviousPage").GetBoolean())
            {
                return seen;
            }

            Assert.Equal(size, keys.Count);
            between?.Invoke(keys[0]);
            before = info.GetProperty("startCursor").GetString();
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    public static string? Cursor(JsonElement pageInfo, string name) => pageInfo.GetProperty(name).GetString();
}
