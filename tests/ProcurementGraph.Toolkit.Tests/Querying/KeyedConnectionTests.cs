using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Querying;

/// <summary>
/// A connection over rows no navigation reaches (<c>KeyedConnection</c>: <c>EntitySet.Of</c> with a key join): paged inside the
/// root's one statement for a whole list of owners, by key descending unless ordered, with where, cursors and row rules.
/// </summary>
public sealed class KeyedConnectionTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly Library Data = LibraryData.Build();

    [Fact]
    public async Task A_list_of_owners_pages_its_keyed_rows_in_one_statement_by_key_descending()
    {
        const string Query = """
            {
              publishers(order: [{ key: ASC }]) {
                nodes { key inPrint(first: 2) { totalCount pageInfo { hasNextPage } nodes { key } } }
              }
            }
            """;

        var result = await fixture.ExecuteAsync(Query);

        Assert.Empty(result.Errors);
        Assert.Single(result.Statements);
        for (var i = 0; i < Data.Publishers.Count; i++)
        {
            var expected = Data.Books.Where(b => b.PublisherId == Data.Publishers[i].Id && b.InPrint).Select(b => b.Id).OrderDescending().ToList();
            Assert.Equal(expected.Take(2), result.Keys($"publishers.nodes.{i}.inPrint.nodes"));
            Assert.Equal(expected.Count, result.Data($"publishers.nodes.{i}.inPrint.totalCount").GetInt32());
            Assert.Equal(expected.Count > 2, result.Data($"publishers.nodes.{i}.inPrint.pageInfo.hasNextPage").GetBoolean());
        }

        // Narrowed to the owners being read, like a navigation's page
        Assert.Contains("IN (", result.Statements[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cursors_where_and_order_apply_to_the_keyed_rows()
    {
        const string Query = """
            query($after: String) {
              publishers(where: { key: { eq: 1 } }) {
                nodes {
                  page: inPrint(first: 2, after: $after) { pageInfo { endCursor } nodes { key } }
                  fiction: inPrint(where: { genre: { eq: FICTION } }, order: [{ pages: ASC }]) { nodes { key } }
                }
              }
            }
            """;
        var inPrint = Data.Books.Where(b => b.PublisherId == 1 && b.InPrint).ToList();

        var first = await fixture.ExecuteAsync(Query);
        var next = await fixture.ExecuteAsync(Query, new { after = first.Data("publishers.nodes.0.page.pageInfo.endCursor").GetString() });

        Assert.Empty(first.Errors);
        var descending = inPrint.Select(b => b.Id).OrderDescending().ToList();
        Assert.Equal(descending[..2], first.Keys("publishers.nodes.0.page.nodes"));
        Assert.Equal(descending[2..4], next.Keys("publishers.nodes.0.page.nodes"));
        Assert.Equal(
            inPrint.Where(b => b.Genre == Genre.Fiction).OrderBy(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Id),
            first.Keys("publishers.nodes.0.fiction.nodes"));
    }

    [Fact]
    public async Task Row_rules_apply_to_the_entity_set()
    {
        const string Query = "{ publishers(where: { key: { eq: 1 } }) { nodes { inPrint { totalCount nodes { key } } } } }";
        fixture.Change(db => db.Books.Single(b => b.Id == LibraryData.DraftBookId).InPrint = true);
        try
        {
            var ruled = await fixture.ExecuteAsync(Query, rules: new DraftsHidden());
            var open = await fixture.ExecuteAsync(Query);

            Assert.DoesNotContain(LibraryData.DraftBookId, ruled.Keys("publishers.nodes.0.inPrint.nodes"));
            Assert.Contains(LibraryData.DraftBookId, open.Keys("publishers.nodes.0.inPrint.nodes"));
            Assert.Equal(open.Data("publishers.nodes.0.inPrint.totalCount").GetInt32() - 1, ruled.Data("publishers.nodes.0.inPrint.totalCount").GetInt32());
        }
        finally
        {
            fixture.Change(db => db.Books.Single(b => b.Id == LibraryData.DraftBookId).InPrint = false);
        }
    }
}
