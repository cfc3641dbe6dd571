namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The first answer to a mutation request sent with an <c>Idempotency-Key</c>, replayed to retries.</summary>
public class IdempotencyRecord
{
    /// <summary>The caller and the key, hashed (SHA-256 hex): one caller's key never answers another caller.</summary>
    public required string Id { get; set; }

    /// <summary>SHA-256 hex of the request body: a retry with another body is refused.</summary>
    public required string RequestHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Null while the first request is still executing.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }
}
