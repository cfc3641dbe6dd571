using System.Net;
using System.Text.Json;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>What a test needs from a response: status, headers and the body parsed as JSON.</summary>
public sealed class GraphQLHttpTestResponse
{
    private GraphQLHttpTestResponse(HttpStatusCode statusCode, string? contentType, string? allow, string? vary, string body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Allow = allow;
        Vary = vary;
        Body = body;
        Json = JsonDocument.Parse(body).RootElement.Clone();
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The full Content-Type header, e.g. <c>application/json; charset=utf-8</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The Allow header, e.g. <c>GET, POST</c>, or null.</summary>
    public string? Allow { get; }

    /// <summary>The Vary header, e.g. <c>Accept</c>, or null.</summary>
    public string? Vary { get; }

    public string Body { get; }

    public JsonElement Json { get; }

    public bool HasData => Json.TryGetProperty("data", out _);

    public JsonElement Data => Json.GetProperty("data");

    public JsonElement[] Errors =>
        Json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The <c>extensions.code</c> of the only error.</summary>
    public string? SingleErrorCode => Assert.Single(Errors).GetProperty("extensions").GetProperty("code").GetString();

    public static async Task<GraphQLHttpTestResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var allow = response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null;
        var vary = response.Headers.Vary.Count > 0 ? string.Join(", ", response.Headers.Vary) : null;
        return new GraphQLHttpTestResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), allow, vary, body);
    }
}
