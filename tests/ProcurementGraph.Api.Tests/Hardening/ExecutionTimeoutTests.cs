using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using ProcurementGraph.Api.Hosting;
using static ProcurementGraph.Api.Tests.Hardening.HardeningTestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>The execution timeout (HC0045) and its cancellation reaching the running SQL command.</summary>
public sealed class ExecutionTimeoutTests
{
    [Fact]
    public async Task A_slow_statement_is_interrupted_in_SQLite_when_the_timeout_fires()
    {
        var slow = new SlowSupplierQueryInterceptor();
        await using var factory = await HardeningApiFactory.StartAsync(
            settings: new Dictionary<string, string?> { ["GraphQL:ExecutionTimeoutSeconds"] = "0.2" }, interceptors: slow);
        using var client = factory.CreateClient();
        await WarmUpAsync(client); // the schema and EF's model are built by the first requests, within their timeout

        var answer = await client.PostAsync(SuppliersQuery, GraphQLResponseJson);

        // The statement needs minutes; the answer comes at the timeout because sqlite3_interrupt stopped it.
        Assert.True(answer.Elapsed < TimeSpan.FromSeconds(5), $"answered after {answer.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Response.StatusCode);
        Assert.Equal("HC0045", answer.FirstCode);
        Assert.Equal("The request exceeded the configured timeout of `00:00:00.2000000`.", answer.FirstError!["message"]!.GetValue<string>());
        Assert.Null(answer.Body["data"]);
        Assert.Single(answer.Body["errors"]!.AsArray());
        // EF reports the interrupted statement as failed (SQLITE_INTERRUPT) or, for a cancelled request, as canceled; on a
        // loaded machine it can report both for the one command. Every report is one of the two.
        Assert.NotEmpty(slow.Failures);
        foreach (var failure in slow.Failures)
        {
            if (failure is SqliteException sqlite)
            {
                Assert.Equal(SQLitePCL.raw.SQLITE_INTERRUPT, sqlite.SqliteErrorCode);
            }
            else
            {
                Assert.IsType<OperationCanceledException>(failure);
            }
        }

        // The server is unharmed: the next request (not slowed: no supplier table) answers.
        var next = await client.PostAsync("{ strategicGoals(first: 1) { nodes { code } } }");
        Assert.Equal(HttpStatusCode.OK, next.Response.StatusCode);
        Assert.True(next.Body["data"]?["strategicGoals"]?["nodes"]?.AsArray().Count == 1, next.Text);
    }

    [Fact]
    public async Task A_timeout_is_HTTP_200_under_application_json()
    {
        await using var factory = await HardeningApiFactory.StartAsync(
            settings: new Dictionary<string, string?> { ["GraphQL:ExecutionTimeoutSeconds"] = "0.15" }, interceptors: new SlowSupplierQueryInterceptor());
        using var client = factory.CreateClient();

        var answer = await client.PostAsync(SuppliersQuery, "application/json");

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("HC0045", answer.FirstCode);
        Assert.Equal("The request exceeded the configured timeout of `00:00:00.1500000`.", answer.FirstError!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wait_on_a_locked_database_ends_at_the_timeout_not_at_the_command_timeout()
    {
        await using var factory = await HardeningApiFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GraphQL:ExecutionTimeoutSeconds"] = "1",
            ["Database:CommandTimeoutSeconds"] = "30",
        });
        using var client = factory.CreateClient();
        await WarmUpAsync(client);

        HardeningTestKit.Answer answer;
        await using (await factory.LockDatabaseAsync())
        {
            answer = await client.PostAsync(SuppliersQuery, GraphQLResponseJson);
        }

        // The wait ends near the 1 s deadline, not after the 30 s command timeout: as the timeout (503) when the deadline
        // passed first, else as the database being unavailable (the command timeout was cut to the time left).
        Assert.True(answer.Elapsed < TimeSpan.FromSeconds(5), $"answered after {answer.Elapsed}");
        Assert.True(answer.FirstCode is "HC0045" or "DATABASE_UNAVAILABLE", answer.Text);
        Assert.Equal(answer.FirstCode == "HC0045" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, answer.Response.StatusCode);
        AssertNoExceptionDetails(answer.Text);

        var after = await client.PostAsync(SuppliersQuery);
        Assert.Equal(2, after.Body["data"]?["suppliers"]?["nodes"]?.AsArray().Count);
    }

    /// <summary>Until a request that reads the database answers within the short test timeout (at most 20 tries).</summary>
    private static async Task WarmUpAsync(HttpClient client)
    {
        for (var i = 0; i < 20; i++)
        {
            var answer = await client.PostAsync("{ strategicGoals(first: 1) { nodes { code } } }");
            if (answer.FirstError is null)
            {
                return;
            }
        }

        Assert.Fail("no request answered within the timeout");
    }

    [Fact]
    public void The_default_timeout_is_30_seconds()
    {
        var configuration = new ConfigurationBuilder().Build();
        Assert.Equal(TimeSpan.FromSeconds(30), ExecutionHardeningRegistration.ExecutionTimeout(configuration));
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("soon")]
    public void A_timeout_below_100_ms_or_not_a_number_stops_the_start(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:ExecutionTimeoutSeconds"] = value })
            .Build();

        var error = Assert.Throws<StartupException>(() => ExecutionHardeningRegistration.ExecutionTimeout(configuration));
        Assert.StartsWith("GraphQL:ExecutionTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }
}
