namespace ProcurementGraph.Api.Tests.Hardening.Fuzzing;

/// <summary>One generated HTTP request: a POST body (raw bytes) or a GET query string, and the Accept header to send.</summary>
public sealed record FuzzCase(int Number, string Kind, byte[]? PostBody, string? GetQueryString, string? Accept)
{
    public override string ToString() =>
        $"#{Number} {Kind} {(PostBody is not null ? "POST " + System.Text.Encoding.UTF8.GetString(PostBody) : "GET " + GetQueryString)}";
}
