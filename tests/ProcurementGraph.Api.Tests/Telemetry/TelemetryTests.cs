using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProcurementGraph.Api.Hosting;
using ProcurementGraph.Api.Tests.Hardening;
using ProcurementGraph.Toolkit.Telemetry;
using ProcurementGraph.Toolkit.TrustedDocuments;
using static ProcurementGraph.Api.Tests.Hardening.HardeningTestKit;

namespace ProcurementGraph.Api.Tests.Telemetry;

/// <summary>
/// OpenTelemetry through HTTP: the app's own registration (switched on by <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, here a
/// closed port) with in-memory exporters added to its providers; the spans and metrics of real requests.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    // suppliers @cost 10 + nodes 1 + 50 × (contracts 1 + nodes 1 + 50 × category 1) = 2611 > 1000: HC0047
    private const string NestedPages =
        "query TooCostly { suppliers(first: 50) { nodes { name contracts(first: 50) { nodes { number category { name } } } } } }";

    private const string Suppliers = "query TelemetrySuppliers { suppliers(first: 2) { nodes { name contracts(first: 2) { nodes { number } } } } }";

    [Fact]
    public async Task A_request_is_one_span_named_after_its_operation_with_parse_validate_execute_and_sql_children()
    {
        var (factory, spans, metrics) = await StartAsync();
        await using var owner = factory;
        using var client = factory.CreateClient();

        var answer = await client.PostAsync(Suppliers);

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Null(answer.Body["errors"]);
        var request = await SpanAsync(spans, "query TelemetrySuppliers");
        Assert.Equal("query", request.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal("TelemetrySuppliers", request.GetTagItem(GraphQLTelemetry.OperationNameTag));
        Assert.Equal("success", request.GetTagItem(GraphQLTelemetry.OutcomeTag));
        Assert.Null(request.GetTagItem(GraphQLTelemetry.ErrorCodesTag));
        var server = await SpanAsync(spans, s => s.Kind == ActivityKind.Server && s.TraceId == request.TraceId);
        Assert.Equal(server.SpanId, request.ParentSpanId);

        var steps = Snapshot(spans).Where(s => s.ParentSpanId == request.SpanId).Select(s => s.DisplayName).ToList();
        Assert.Equal([GraphQLTelemetry.ParseSpan, GraphQLTelemetry.ValidateSpan, GraphQLTelemetry.ExecuteSpan], steps);
        var execute = Snapshot(spans).Single(s => s.DisplayName == GraphQLTelemetry.ExecuteSpan && s.TraceId == request.TraceId);
        var sql = Snapshot(spans).Where(s => s.TraceId == request.TraceId && s.DisplayName.StartsWith("SQL", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, s =>
        {
            Assert.Equal(execute.SpanId, s.ParentSpanId);
            Assert.Equal(ActivityKind.Client, s.Kind);
            Assert.Contains("Suppliers", (string?)s.GetTagItem("db.query.text"), StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(sql.Count, request.GetTagItem(GraphQLTelemetry.SqlStatementsTag));

        Flush(factory);
        var duration = Point(metrics, GraphQLTelemetry.RequestDurationMetric, ("graphql.operation.name", "TelemetrySuppliers"));
        Assert.Equal("success", Tag(duration, GraphQLTelemetry.OutcomeTag));
        Assert.Equal("query", Tag(duration, GraphQLTelemetry.OperationTypeTag));
        Assert.Equal(1, duration.GetHistogramCount());
        var statements = Point(metrics, GraphQLTelemetry.SqlStatementsMetric, ("graphql.operation.name", "TelemetrySuppliers"));
        Assert.Equal(1, statements.GetHistogramCount());
        Assert.Equal(sql.Count, statements.GetHistogramSum());
    }

    [Fact]
    public async Task A_trusted_document_run_by_its_id_names_the_span_and_carries_the_document_id()
    {
        var (factory, spans, _) = await StartAsync();
        await using var owner = factory;
        using var client = factory.CreateClient();
        var scorecard = factory.Services.GetRequiredService<TrustedDocumentStore>().Documents
            .Single(d => d.Text.StartsWith("query SupplierScorecard ", StringComparison.Ordinal));
        var documentId = TrustedDocumentStore.Sha256Prefix + scorecard.Id;

        var response = await client.PostAsJsonAsync("/graphql", new { documentId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = await SpanAsync(spans, "query SupplierScorecard");
        Assert.Equal(documentId, request.GetTagItem(GraphQLTelemetry.DocumentIdTag));
        Assert.Equal("success", request.GetTagItem(GraphQLTelemetry.OutcomeTag));
        Assert.Contains(Snapshot(spans), s => s.ParentSpanId == request.SpanId && s.DisplayName == GraphQLTelemetry.ExecuteSpan);
    }

    [Fact]
    public async Task A_request_refused_by_the_cost_limit_carries_its_code_and_counts_as_rejected()
    {
        var (factory, spans, metrics) = await StartAsync();
        await using var owner = factory;
        using var client = factory.CreateClient();

        var answer = await client.PostAsync(NestedPages);

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode); // application/json: refusals are 200 too
        Assert.Equal("HC0047", answer.FirstCode);
        var request = await SpanAsync(spans, "query TooCostly");
        Assert.Equal(["HC0047"], Assert.IsType<string[]>(request.GetTagItem(GraphQLTelemetry.ErrorCodesTag)));
        Assert.Equal("rejected", request.GetTagItem(GraphQLTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Error, request.Status);
        Assert.DoesNotContain(Snapshot(spans), s => s.TraceId == request.TraceId && s.DisplayName == GraphQLTelemetry.ExecuteSpan);
        Assert.DoesNotContain(Snapshot(spans), s => s.TraceId == request.TraceId && s.DisplayName.StartsWith("SQL", StringComparison.Ordinal));

        Flush(factory);
        Assert.Equal(1, Point(metrics, GraphQLTelemetry.ErrorsMetric, (GraphQLTelemetry.ErrorCodeTag, "HC0047")).GetSumLong());
        Assert.Equal(1, Point(metrics, GraphQLTelemetry.RejectedMetric, (GraphQLTelemetry.LimitTag, "HC0047")).GetSumLong());
        Assert.Equal("rejected", Tag(Point(metrics, GraphQLTelemetry.RequestDurationMetric, ("graphql.operation.name", "TooCostly")), GraphQLTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task Requests_refused_by_the_document_limits_the_depth_limit_and_the_rate_limiter_count_as_rejected_by_that_limit()
    {
        var (factory, _, metrics) = await StartAsync(new()
        {
            ["GraphQL:MaxDepth"] = "2",
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:WindowSeconds"] = "60",
            ["RateLimiting:QueueLimit"] = "0",
        });
        await using var owner = factory;
        using var client = factory.CreateClient();

        var tokens = await client.PostAsync("{ " + string.Join(' ', Enumerable.Repeat("__typename", 5_000)) + " }");
        var deep = await client.PostAsync("{ suppliers(first: 1) { nodes { name } } }");
        var limited = await client.PostAsync("{ __typename }");

        Assert.Equal("MAX_FIELDS_EXCEEDED", tokens.FirstCode);
        Assert.Equal("MAX_EXECUTION_DEPTH", deep.FirstCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Response.StatusCode);
        Flush(factory);
        Assert.Equal(1, Point(metrics, GraphQLTelemetry.RejectedMetric, (GraphQLTelemetry.LimitTag, "MAX_FIELDS_EXCEEDED")).GetSumLong());
        Assert.Equal(1, Point(metrics, GraphQLTelemetry.RejectedMetric, (GraphQLTelemetry.LimitTag, "MAX_EXECUTION_DEPTH")).GetSumLong());
        Assert.Equal(1, Point(metrics, GraphQLTelemetry.RejectedMetric, (GraphQLTelemetry.LimitTag, GraphQLTelemetry.RateLimit)).GetSumLong());
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_provider_is_built_and_nothing_listens()
    {
        await using var factory = await HardeningApiFactory.StartAsync();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Suppliers)).Response.StatusCode);
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.False(GraphQLTelemetry.Source.HasListeners());
    }

    private static async Task<(HardeningApiFactory Factory, List<Activity> Spans, List<MetricSnapshot> Metrics)> StartAsync(
        Dictionary<string, string?>? settings = null)
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        settings ??= [];
        settings[TelemetryRegistration.EndpointSetting] = "http://127.0.0.1:9"; // nothing listens there
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        var factory = await HardeningApiFactory.StartWithServicesAsync(
            services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)),
            settings);
        return (factory, spans, metrics);
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static Task<Activity> SpanAsync(List<Activity> spans, string name) => SpanAsync(spans, s => s.DisplayName == name);

    /// <summary>The server span ends after the response is sent: wait for it a little.</summary>
    private static async Task<Activity> SpanAsync(List<Activity> spans, Func<Activity, bool> match)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Snapshot(spans).FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("span not exported: " + string.Join(", ", Snapshot(spans).Select(s => s.DisplayName)));
    }

    /// <summary>Exports the metrics now (the OTLP exporter's failure to reach its closed port makes the result false).</summary>
    private static void Flush(HardeningApiFactory factory) =>
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

    private static MetricPoint Point(List<MetricSnapshot> metrics, string name, (string Key, string Value) tag)
    {
        List<MetricSnapshot> snapshot;
        lock (metrics)
        {
            snapshot = [.. metrics];
        }

        var last = snapshot.LastOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException("no metric " + name);
        return last.MetricPoints.Single(p => Tag(p, tag.Key) == tag.Value);
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
