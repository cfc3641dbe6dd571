namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>The outcome of <see cref="IIdempotencyStore.ClaimAsync"/>.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, IdempotentResponse? Response = null)
{
    public static IdempotencyClaim Claimed { get; } = new(IdempotencyClaimStatus.Claimed);

    public static IdempotencyClaim InProgress { get; } = new(IdempotencyClaimStatus.InProgress);

    public static IdempotencyClaim OtherRequest { get; } = new(IdempotencyClaimStatus.OtherRequest);

    public static IdempotencyClaim Replay(IdempotentResponse response) => new(IdempotencyClaimStatus.Replay, response);
}

public enum IdempotencyClaimStatus
{
    /// <summary>The key is new (or expired): execute, then complete it.</summary>
    Claimed,

    /// <summary>The same request was answered before: send <see cref="IdempotencyClaim.Response"/> again.</summary>
    Replay,

    /// <summary>The key was used with another request body.</summary>
    OtherRequest,

    /// <summary>The first request with this key is still executing.</summary>
    InProgress,
}

/// <summary>A stored answer: status code, content type and body bytes.</summary>
public sealed record IdempotentResponse(int StatusCode, string ContentType, byte[] Body);
