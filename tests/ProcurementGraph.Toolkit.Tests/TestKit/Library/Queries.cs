using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>Small query helpers shared by the querying tests.</summary>
public static class Queries
{
    public static readonly int[] AllBooks = [.. Enumerable.Range(1, 14)];

    /// <summary>The keys of the books matching <paramref name="where"/>, in key order (the default order).</summary>
    public static async Task<List<int>> BookKeysAsync(this TestHost<LibrarySchema> host, string where)
    {
        var result = await host.ExecuteAsync($"{{ books(first: 100, where: {where}) {{ nodes {{ key }} }} }}");
        return result.Keys("books.nodes");
    }

    /// <summary>The keys of the authors matching <paramref name="where"/>, in key order.</summary>
    public static async Task<List<int>> AuthorKeysAsync(this TestHost<LibrarySchema> host, string where)
    {
        var result = await host.ExecuteAsync($"{{ authors(first: 100, where: {where}) {{ nodes {{ key }} }} }}");
        return result.Keys("authors.nodes");
    }

    /// <summary>Every book but <paramref name="excluded"/>.</summary>
    public static int[] AllBut(params int[] excluded) => [.. AllBooks.Except(excluded)];

    public static string BookId(int key) => GlobalId.Encode("Book", key);

    public static string AuthorId(int key) => GlobalId.Encode("Author", key);
}
