using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using ProcurementGraph.Api.Hosting;
using static ProcurementGraph.Api.Tests.Hardening.HardeningTestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>Per-caller rate limiting: 429 with Retry-After and a RATE_LIMITED GraphQL error, one budget per caller.</summary>
public sealed class RateLimitingTests
{
    private static readonly Dictionary<string, string?> TwoPerMinute = new()
    {
        ["RateLimiting:PermitLimit"] = "2",
        ["RateLimiting:WindowSeconds"] = "60",
        ["RateLimiting:QueueLimit"] = "0",
    };

    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_Retry_After_and_a_coded_GraphQL_error()
    {
        await using var factory = await HardeningApiFactory.StartAsync(settings: TwoPerMinute);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Response.StatusCode);
        var refused = await client.PostAsync("{ __typename }");
        var refusedGraphQL = await client.PostAsync("{ __typename }", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
        var retryAfter = int.Parse(refused.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/json", refused.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RATE_LIMITED", refused.FirstCode);
        Assert.Equal(retryAfter, refused.FirstError!["extensions"]!["retryAfter"]!.GetValue<int>());
        Assert.StartsWith("Too many requests: at most 2 per 60 s for each caller.", refused.FirstError["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(refused.Body["data"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedGraphQL.Response.StatusCode);
        Assert.Equal(GraphQLResponseJson, refusedGraphQL.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RATE_LIMITED", refusedGraphQL.FirstCode);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("Rate limited caller:Development User", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_authenticated_caller_has_its_own_budget()
    {
        await using var factory = await HardeningApiFactory.StartAsync("Production", TwoPerMinute);
        using var first = factory.CreateClient(HardeningApiFactory.ReaderToken("00000000-0000-4000-8000-00000000b001"));
        using var second = factory.CreateClient(HardeningApiFactory.ReaderToken("00000000-0000-4000-8000-00000000b002"));

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync("{ __typename }")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync("{ __typename }")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsync("{ __typename }")).Response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("{ __typename }")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("{ __typename }")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.PostAsync("{ __typename }")).Response.StatusCode);
    }

    [Fact]
    public async Task A_sequential_caller_over_the_rate_waits_in_the_queue_instead_of_being_refused()
    {
        await using var factory = await HardeningApiFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "1",
            ["RateLimiting:WindowSeconds"] = "0.5",
            ["RateLimiting:QueueLimit"] = "2",
        });
        using var client = factory.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Response.StatusCode);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.5), $"3 requests at 1 per 0.5 s took {clock.Elapsed}");
    }

    [Fact]
    public void The_partition_is_the_tenant_and_object_id_of_a_token_else_the_IP_address()
    {
        var token = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("tid", "tenant-1"), new Claim("oid", "object-7"), new Claim("azp", "app-3")], "Bearer")),
        };
        var app = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("azp", "app-3")], "Bearer")),
        };
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");

        Assert.Equal("caller:tenant-1/object-7", RateLimitingRegistration.CallerPartition(token));
        Assert.Equal("caller:app-3", RateLimitingRegistration.CallerPartition(app));
        Assert.Equal("ip:192.0.2.10", RateLimitingRegistration.CallerPartition(anonymous));
        Assert.Equal("ip:unknown", RateLimitingRegistration.CallerPartition(new DefaultHttpContext()));
    }

    [Theory]
    [InlineData("RateLimiting:PermitLimit", "0", "RateLimiting:PermitLimit")]
    [InlineData("RateLimiting:WindowSeconds", "0", "RateLimiting:WindowSeconds")]
    [InlineData("RateLimiting:QueueLimit", "-1", "RateLimiting:QueueLimit")]
    public void A_wrong_setting_stops_the_start_with_its_name(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        var error = Assert.Throws<StartupException>(() => services.AddProcurementRateLimiting(configuration));
        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
    }
}
