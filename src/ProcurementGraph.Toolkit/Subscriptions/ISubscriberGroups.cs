using System.Security.Claims;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// Which subscribers see the same: callers in one group get the same rows and fields from every read (same row rules,
/// same field rules), so subscribers of one group with the same document and variables share one read of each event's
/// entity. Register one to share reads; without it (or for a null group) every subscriber reads its own.
/// </summary>
public interface ISubscriberGroups
{
    /// <summary>The caller's group, or null when its reads must not be shared.</summary>
    string? GroupOf(ClaimsPrincipal user);
}
