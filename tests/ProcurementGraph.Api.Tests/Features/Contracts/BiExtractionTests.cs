using Microsoft.Data.Sqlite;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Features.Contracts;

/// <summary>A BI tool paging through every contract with large pages.</summary>
public sealed class BiExtractionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Paging_through_all_contracts_returns_each_once_with_one_statement_per_page()
    {
        var client = api.CreateClient();
        const string Page = """
            query ContractExtract($after: String) {
              contracts(first: 1000, after: $after) {
                nodes { id number title status startDate endDate annualValue supplier { name } category { code } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var numbers = new List<string>();
        string? after = null;
        var pages = 0;
        api.Sql.Reset();
        do
        {
            var (_, body) = await client.PostGraphQLAsync(Page, new { after });
            Assert.Null(body["errors"]);
            var connection = body["data"]!["contracts"]!;
            numbers.AddRange(connection["nodes"]!.AsArray().Select(n => (string)n!["number"]!));
            after = (bool)connection["pageInfo"]!["hasNextPage"]! ? (string?)connection["pageInfo"]!["endCursor"] : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(pages, api.Sql.Count);
        Assert.Equal(await CountContractsAsync(), numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    private async Task<long> CountContractsAsync()
    {
        await using var connection = new SqliteConnection(TestDatabase.ConnectionString(api.DatabasePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Contracts";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
