namespace ProcurementGraph.Api.Data.Entities;

/// <summary>
/// An entity whose updates are guarded by an optimistic concurrency token, its <c>version</c>: SQL Server's <c>rowversion</c>
/// (renewed by the database), on SQLite an application-managed token of the same 8 bytes renewed by the context on every
/// insert and update (<see cref="Toolkit.Mutations.ConcurrencyTokens"/>). A write carrying a stale version is refused.
/// </summary>
public interface IVersioned
{
    byte[] Version { get; set; }
}
