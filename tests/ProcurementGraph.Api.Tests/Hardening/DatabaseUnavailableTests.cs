using System.Net;
using static ProcurementGraph.Api.Tests.Hardening.HardeningTestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>The database down: a coded GraphQL error (never a stack trace), /health/ready 503, recovery without restart.</summary>
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task A_missing_database_file_is_DATABASE_UNAVAILABLE_and_the_server_recovers_when_it_is_back()
    {
        await using var factory = await HardeningApiFactory.StartAsync();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var away = factory.DatabasePath + ".away";
        File.Move(factory.DatabasePath, away);
        HardeningTestKit.Answer answer;
        HttpStatusCode ready, live;
        try
        {
            answer = await client.PostAsync(SuppliersQuery, GraphQLResponseJson);
            ready = (await client.GetAsync("/health/ready")).StatusCode;
            live = (await client.GetAsync("/health/live")).StatusCode;
            Assert.False(File.Exists(factory.DatabasePath), "the server created a new database in place of the missing one");
        }
        finally
        {
            File.Move(away, factory.DatabasePath);
        }

        // Execution started: HTTP 200, the field null, one coded error on its path (Development too: no details).
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Null(answer.Body["data"]!["suppliers"]);
        Assert.Equal("DATABASE_UNAVAILABLE", answer.FirstCode);
        Assert.Equal("The database is unavailable. Try again later.", answer.FirstError!["message"]!.GetValue<string>());
        Assert.Equal("suppliers", answer.FirstError["path"]![0]!.GetValue<string>());
        Assert.Equal(answer.Response.Headers.GetValues(HardeningApiFactory.TraceIdHeader).Single(),
            answer.FirstError["extensions"]!["correlationId"]!.GetValue<string>());
        AssertNoExceptionDetails(answer.Text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal(HttpStatusCode.OK, live);

        // Back: ready and answering, no restart.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var recovered = await client.PostAsync(SuppliersQuery, GraphQLResponseJson);
        Assert.Equal(HttpStatusCode.OK, recovered.Response.StatusCode);
        Assert.Equal(2, recovered.Body["data"]?["suppliers"]?["nodes"]?.AsArray().Count);
    }

    [Fact]
    public async Task A_locked_database_is_DATABASE_UNAVAILABLE_after_the_command_timeout_and_ready_is_503()
    {
        await using var factory = await HardeningApiFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Database:CommandTimeoutSeconds"] = "1",
            ["Health:DatabaseTimeoutSeconds"] = "1",
        });
        using var client = factory.CreateClient();

        HardeningTestKit.Answer answer;
        (HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode Body) ready;
        await using (await factory.LockDatabaseAsync())
        {
            answer = await client.PostAsync(SuppliersQuery);
            ready = await client.GetJsonAsync("/health/ready");
        }

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("DATABASE_UNAVAILABLE", answer.FirstCode);
        Assert.Null(answer.Body["data"]!["suppliers"]);
        AssertNoExceptionDetails(answer.Text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Response.StatusCode);
        Assert.Equal("Unhealthy", ready.Body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.True(ready.Body["totalDurationMs"]!.GetValue<double>() < 4000);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("Database unavailable", StringComparison.Ordinal)
            && line.Contains(answer.FirstError!["extensions"]!["correlationId"]!.GetValue<string>(), StringComparison.Ordinal));

        var (recoveredReady, _) = await client.GetJsonAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, recoveredReady.StatusCode);
        Assert.Equal(2, (await client.PostAsync(SuppliersQuery)).Body["data"]?["suppliers"]?["nodes"]?.AsArray().Count);
    }
}
