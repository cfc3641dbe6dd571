using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Idempotency;

namespace ProcurementGraph.Api.Data.Idempotency;

/// <summary>
/// Idempotency keys in the database (<see cref="IdempotencyRecord"/>), so answers survive a restart and every instance
/// sees them. A key is claimed by inserting its row (the primary key makes a concurrent second claim fail), answered by
/// updating it, and expired rows are removed when a key is claimed.
/// </summary>
public sealed class DatabaseIdempotencyStore(ProcurementDbContext db, TimeProvider time) : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(string key, string requestHash, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == key, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.RequestHash != requestHash ? IdempotencyClaim.OtherRequest
                : existing.StatusCode is { } status ? IdempotencyClaim.Replay(new IdempotentResponse(status, existing.ContentType!, existing.Body!))
                : IdempotencyClaim.InProgress;
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord { Id = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return IdempotencyClaim.Claimed;
        }
        catch (DbUpdateException)
        {
            return IdempotencyClaim.InProgress; // claimed meanwhile by a concurrent request with the same key
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task CompleteAsync(string key, IdempotentResponse response, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.Where(r => r.Id == key).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.StatusCode, response.StatusCode).SetProperty(r => r.ContentType, response.ContentType).SetProperty(r => r.Body, response.Body),
            cancellationToken);

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.Where(r => r.Id == key && r.StatusCode == null).ExecuteDeleteAsync(cancellationToken);
}
