namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>Idempotent mutations (<c>GraphQL:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>The request header carrying the key.</summary>
    public string HeaderName { get; set; } = "Idempotency-Key";

    /// <summary>How long a key and its first answer are kept; a later request with the key runs as new.</summary>
    public double ExpirationHours { get; set; } = 24;

    /// <summary>The longest key accepted.</summary>
    public int MaxKeyLength { get; set; } = 255;
}
