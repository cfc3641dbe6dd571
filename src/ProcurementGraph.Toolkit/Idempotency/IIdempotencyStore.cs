namespace ProcurementGraph.Toolkit.Idempotency;

/// <summary>
/// Where first answers to requests with an <c>Idempotency-Key</c> are kept (durably: a database survives restarts).
/// Keys arrive already scoped to the caller and hashed.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for a request whose body hashes to <paramref name="requestHash"/>, or tells what holds it.</summary>
    Task<IdempotencyClaim> ClaimAsync(string key, string requestHash, DateTime expiresAt, CancellationToken cancellationToken);

    /// <summary>Stores the first answer of a claimed key.</summary>
    Task CompleteAsync(string key, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Gives a claimed key up (the request failed before it had an answer), so a retry runs again.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
