namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// An entity whose updates are guarded by an optimistic concurrency token. The stamp is
/// renewed by the context on every update, so a write carrying a stale stamp is refused.
/// </summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
