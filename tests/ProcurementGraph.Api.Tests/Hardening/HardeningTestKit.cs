using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>Requests and EF interceptors shared by the hardening tests.</summary>
public static class HardeningTestKit
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string SuppliersQuery = "{ suppliers(first: 2, order: [{ name: ASC }]) { nodes { name } } }";

    public sealed record Answer(HttpResponseMessage Response, JsonNode Body, string Text, TimeSpan Elapsed)
    {
        public JsonNode? FirstError => Body["errors"]?[0];

        public string? FirstCode => FirstError?["extensions"]?["code"]?.GetValue<string>();
    }

    public static async Task<Answer> PostAsync(this HttpClient client, string query, string? accept = null, string path = "/graphql")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var clock = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        return new Answer(response, JsonNode.Parse(text) ?? throw new JsonException("empty body"), text, clock.Elapsed);
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonNode.Parse(text) ?? throw new JsonException("empty body"));
    }

    /// <summary>Asserts that a body carries no trace of an exception: no stack frame, no exception type, no details.</summary>
    public static void AssertNoExceptionDetails(string body)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"details\"", body, StringComparison.Ordinal);
    }
}

/// <summary>
/// Makes the app's supplier query slow inside SQLite: the statement is wrapped so that it first counts a recursive
/// sequence of a billion rows (minutes of work, no managed code involved). Keeps every command failure it sees.
/// </summary>
public sealed class SlowSupplierQueryInterceptor : DbCommandInterceptor
{
    private readonly ConcurrentQueue<Exception> _failures = new();

    public IReadOnlyList<Exception> Failures => [.. _failures];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("\"Suppliers\"", StringComparison.Ordinal))
        {
            command.CommandText =
                "WITH RECURSIVE spin(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM spin WHERE i < 1000000000) "
                + $"SELECT t.* FROM ({command.CommandText}) AS t WHERE (SELECT count(*) FROM spin) > 0";
        }

        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _failures.Enqueue(eventData.Exception);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _failures.Enqueue(new OperationCanceledException("command canceled"));
        return Task.CompletedTask;
    }
}

/// <summary>Throws an exception nobody expects from every query command while <see cref="Enabled"/>.</summary>
public sealed class FailingQueryInterceptor : DbCommandInterceptor
{
    public const string SecretDetail = "secret-connection-detail";

    public bool Enabled { get; set; } = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Enabled ? throw new InvalidOperationException($"Something broke: {SecretDetail}") : ValueTask.FromResult(result);
}
