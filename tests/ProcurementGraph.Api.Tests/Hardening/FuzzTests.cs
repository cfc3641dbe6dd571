using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.Hardening.Fuzzing;
using ProcurementGraph.Api.Tests.TestKit;
using Xunit.Abstractions;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>
/// 10,000 requests generated from the live schema and mutated (<see cref="SchemaFuzzer"/>, fixed seed), sent through HTTP
/// as a reader and (one in five) as a partner: never a 5xx, always a GraphQL response (a JSON object with <c>data</c>
/// and/or <c>errors</c>, every error with a message and a code), never a stack trace, never an unexpected (masked)
/// error, and a healthy server afterwards. The rate limiter is off: the test sends far more than one caller's share.
/// <c>FUZZ_SEED</c> and <c>FUZZ_COUNT</c> override the seed and the count for a local hunt.
/// </summary>
public sealed class FuzzTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : 20260630;
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), out var count) ? count : 10_000;

    [Fact]
    public async Task Ten_thousand_generated_and_mutated_requests_get_graphql_answers_and_never_a_5xx()
    {
        // Arrange
        using var readerFactory = api.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "false"));
        using var partnerFactory = api.WithWebHostBuilder(b => b
            .UseSetting("RateLimiting:Enabled", "false")
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Partner")
            .UseSetting("Security:DevelopmentIdentity:SupplierId", "1"));
        var reader = readerFactory.CreateClient();
        var partner = partnerFactory.CreateClient();
        var cases = new SchemaFuzzer(readerFactory.Services.GetRequiredService<ISchema>(), Seed).Generate(Count).ToList();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var codes = new ConcurrentDictionary<string, int>();
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();

        // Act
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzzCase, cancellationToken) =>
        {
            using var request = ToRequest(fuzzCase);
            var started = Stopwatch.GetTimestamp();
            using var response = await (fuzzCase.Number % 5 == 0 ? partner : reader).SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (Check(response.StatusCode, text, codes) is { } problem)
            {
                failures.Enqueue($"{problem}\n  request: {Shorten(fuzzCase.ToString())}\n  response: {(int)response.StatusCode} {Shorten(text)}");
            }
        });
        clock.Stop();

        // Assert
        var sorted = latencies.Order().ToList();
        output.WriteLine($"{Count} requests (seed {Seed}) in {clock.Elapsed.TotalSeconds:0.0} s; latency p50 {sorted[sorted.Count / 2]:0} ms, "
            + $"p99 {sorted[sorted.Count * 99 / 100]:0} ms; kinds: "
            + string.Join(", ", cases.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine("error codes: " + string.Join(", ", codes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} × {c.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(statuses.GetValueOrDefault(200) > Count / 2, "too few requests ran: the generator no longer fits the schema");
        foreach (var client in new[] { reader, partner })
        {
            var (healthy, body) = await client.PostGraphQLAsync("{ suppliers(first: 1) { totalCount } }");
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.True((int)body["data"]!["suppliers"]!["totalCount"]! > 0);
        }
    }

    [Fact]
    public async Task Two_thousand_generated_and_mutated_mutations_never_get_a_5xx_and_leave_nothing_half_written()
    {
        // Arrange: an Admin (every mutation runs) and a rater, both development personas
        using var adminFactory = api.WithWebHostBuilder(b => b
            .UseSetting("RateLimiting:Enabled", "false")
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Procurement.Admin"));
        using var raterFactory = api.WithWebHostBuilder(b => b
            .UseSetting("RateLimiting:Enabled", "false")
            .UseSetting("Security:DevelopmentIdentity:Roles:0", "Stakeholder.Rater")
            .UseSetting("Security:DevelopmentIdentity:BusinessUnit", "MFG-EU"));
        var admin = adminFactory.CreateClient();
        var rater = raterFactory.CreateClient();
        var cases = new SchemaFuzzer(adminFactory.Services.GetRequiredService<ISchema>(), Seed, mutations: true).Generate(Math.Min(Count, 2000)).ToList();
        var failures = new ConcurrentQueue<string>();
        var codes = new ConcurrentDictionary<string, int>();
        var ratingsBefore = Scalar("SELECT COUNT(*) FROM StakeholderRatings");
        var suppliersBefore = Scalar("SELECT COUNT(*) FROM Suppliers");

        // Act
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzzCase, cancellationToken) =>
        {
            using var request = ToRequest(fuzzCase);
            using var response = await (fuzzCase.Number % 3 == 0 ? rater : admin).SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (Check(response.StatusCode, text, codes) is { } problem)
            {
                failures.Enqueue($"{problem}\n  request: {Shorten(fuzzCase.ToString())}\n  response: {(int)response.StatusCode} {Shorten(text)}");
            }
        });

        // Assert: every row a mutation created or removed has its audit entry (one transaction each), the file is sound
        output.WriteLine("error codes: " + string.Join(", ", codes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} × {c.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM StakeholderRatings") - ratingsBefore,
            Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'StakeholderRating' AND Action = 0") - Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'StakeholderRating' AND Action = 2"));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM Suppliers") - suppliersBefore, Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Supplier' AND Action = 0"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
    }

    private long Scalar(string sql) => api.Scalar(sql);

    [Fact]
    public void The_generator_is_deterministic_and_covers_every_root_field()
    {
        // Arrange
        var schema = api.Services.GetRequiredService<ISchema>();

        // Act
        var first = new SchemaFuzzer(schema, Seed).Generate(500).Select(c => c.ToString()).ToList();
        var second = new SchemaFuzzer(schema, Seed).Generate(500).Select(c => c.ToString()).ToList();
        var fuzzer = new SchemaFuzzer(schema, Seed);
        var all = string.Join("\n", fuzzer.Generate(Math.Max(Count, 2000)).Select(c => c.ToString()));

        // Assert
        Assert.Equal(first, second);
        Assert.All(fuzzer.RootFields, field => Assert.Matches($@"(\{{ |: ){field}[ (]", all));
    }

    private static HttpRequestMessage ToRequest(FuzzCase fuzzCase)
    {
        HttpRequestMessage request;
        if (fuzzCase.PostBody is { } body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        }
        else
        {
            request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + fuzzCase.GetQueryString);
        }

        if (fuzzCase.Accept is { } accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    /// <summary>What is wrong with the answer, or null when it is a proper GraphQL response.</summary>
    private static string? Check(HttpStatusCode status, string text, ConcurrentDictionary<string, int> codes)
    {
        if ((int)status >= 500)
        {
            return $"status {(int)status}";
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }

        if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("data", out _) || root.TryGetProperty("errors", out _)))
        {
            return "the body is neither data nor errors";
        }

        if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("\"details\"", StringComparison.Ordinal)
            || text.Contains(".cs:line", StringComparison.Ordinal))
        {
            return "a stack trace";
        }

        if (!root.TryGetProperty("errors", out var errors))
        {
            return null;
        }

        if (errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            return "errors is not a non-empty list";
        }

        foreach (var error in errors.EnumerateArray())
        {
            if (!error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
            {
                return "an error without a message";
            }

            var code = error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var c) ? c.GetString() : null;
            codes.AddOrUpdate(code ?? "(none)", 1, (_, n) => n + 1);
            if (code is null)
            {
                return "an error without a code";
            }

            if (extensions.TryGetProperty("correlationId", out _) || message.GetString() is "Unexpected Execution Error" or "Error executing document."
                || message.GetString()!.StartsWith("Error trying to resolve field", StringComparison.Ordinal))
            {
                return "an unexpected error";
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + $"... ({text.Length} chars)";
}
