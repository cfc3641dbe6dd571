using System.Net;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>/health/live and /health/ready: anonymous, never rate limited, never cached, status only.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_endpoints_answer_anonymous_callers_outside_Development()
    {
        await using var factory = await HardeningApiFactory.StartAsync("Production");
        using var client = factory.CreateClient(token: null);

        var (live, liveBody) = await client.GetJsonAsync("/health/live");
        var (ready, readyBody) = await client.GetJsonAsync("/health/ready");
        var graphql = await client.PostAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", liveBody["status"]!.GetValue<string>());
        Assert.Empty(liveBody["checks"]!.AsObject());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", readyBody["status"]!.GetValue<string>());
        Assert.Equal("Healthy", readyBody["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Null(readyBody["checks"]!["redis"]); // no Redis:ConnectionString: no Redis entry (and no Redis code: ScaleOut tests)
        Assert.Null(factory.Services.GetService(typeof(StackExchange.Redis.IConnectionMultiplexer)));
        Assert.IsType<ProcurementGraph.Toolkit.Subscriptions.InProcessEntityChangeBus>(
            factory.Services.GetService(typeof(ProcurementGraph.Toolkit.Subscriptions.IEntityChangeBus)));
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", ready.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, graphql.Response.StatusCode); // the graph itself still wants a token
    }

    [Fact]
    public async Task Health_endpoints_are_not_rate_limited()
    {
        await using var factory = await HardeningApiFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "1",
            ["RateLimiting:WindowSeconds"] = "60",
            ["RateLimiting:QueueLimit"] = "0",
        });
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("{ __typename }")).Response.StatusCode);
    }

    [Fact]
    public async Task Live_stays_200_while_the_database_is_locked_and_ready_is_503()
    {
        await using var factory = await HardeningApiFactory.StartAsync(settings: new Dictionary<string, string?> { ["Health:DatabaseTimeoutSeconds"] = "0.5" });
        using var client = factory.CreateClient();

        await using (await factory.LockDatabaseAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            var (ready, body) = await client.GetJsonAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
            Assert.DoesNotContain("locked", body.ToJsonString(), StringComparison.OrdinalIgnoreCase); // the reason is logged only
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
